import { nestsDeeperThan } from './json-body-parser';

describe('nestsDeeperThan', () => {
  it('counts nested objects and arrays, not brackets inside strings', () => {
    expect(nestsDeeperThan('{"a":[{"b":[]}]}', 4)).toBe(false);
    expect(nestsDeeperThan('{"a":[{"b":[[]]}]}', 4)).toBe(true);
    expect(nestsDeeperThan(`{"text":"${'['.repeat(100)}"}`, 2)).toBe(false);
    // An escaped quote does not end the string; an escaped backslash does not escape the quote after it.
    expect(nestsDeeperThan(`{"text":"\\"${'{'.repeat(50)}"}`, 2)).toBe(false);
    expect(nestsDeeperThan(`{"text":"\\\\",${'['.repeat(5)}`, 3)).toBe(true);
  });

  it('goes back down after each closing bracket', () => {
    expect(nestsDeeperThan('[[[]],[[]],[[]]]'.repeat(100), 3)).toBe(false);
  });
});
