import { unquote } from './unquote';

describe('unquote', () => {
  it.each([
    ['"abc"', 'abc'],
    ["'abc'", 'abc'],
    ['  "a b"  ', 'a b'],
    ['"abc\'', '"abc\''],
    ['"', '"'],
    ['plain', 'plain'],
    ['"inner "quotes" kept"', 'inner "quotes" kept'],
  ])('%s → %s', (raw, expected) => expect(unquote(raw)).toBe(expected));
});
