import { displayDay } from './date-range';

describe('displayDay', () => {
  it('writes the day as each language does', () => {
    expect(displayDay('2026-12-01', 'pt-BR')).toBe('01/12/2026');
    expect(displayDay('2026-12-01', 'en')).toBe('12/1/26');
    expect(displayDay('', 'en')).toBe('');
    expect(displayDay('not a day', 'pt-BR')).toBe('');
  });
});
