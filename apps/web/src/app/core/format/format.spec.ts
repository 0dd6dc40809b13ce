import { changeRatio, formatBrl, formatDateTime, formatDay, formatInteger, formatMinutes, formatRate, paletteHex } from './format';

describe('Brazilian formatting', () => {
  it('writes dates as DD/MM/YY and times on a 24 h clock', () => {
    expect(formatDay('2026-03-07')).toBe('07/03/26');
    expect(formatDateTime(new Date(2026, 2, 7, 21, 5))).toBe('07/03/26 21:05');
  });

  it('writes numbers and money the Brazilian way', () => {
    expect(formatInteger(12345)).toBe('12.345');
    expect(formatBrl(1234.5).replace(/\s/g, ' ')).toBe('R$ 1.234,50');
    expect(formatRate(0.256)).toBe('25,6%');
    expect(formatBrl(null)).toBe('—');
  });

  it('writes durations in minutes and hours', () => {
    expect(formatMinutes(12)).toBe('12 min');
    expect(formatMinutes(125)).toBe('2 h 05 min');
    expect(formatMinutes(null)).toBe('—');
  });

  it('compares with the previous period only when there is a base', () => {
    expect(changeRatio(150, 100)).toBeCloseTo(0.5);
    expect(changeRatio(50, 100)).toBeCloseTo(-0.5);
    expect(changeRatio(10, 0)).toBeNull();
    expect(changeRatio(null, 3)).toBeNull();
  });

  it('maps palette classes to hex and unknown ones to the neutral grey', () => {
    expect(paletteHex('bg-green-500')).toBe('#00c950');
    expect(paletteHex('bg-nope-1')).toBe(paletteHex('bg-zinc-400'));
  });
});
