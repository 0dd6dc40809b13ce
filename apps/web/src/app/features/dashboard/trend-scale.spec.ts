import { integerTicks, isPartialDay } from './trend-scale';

describe('integerTicks', () => {
  it('never repeats a label on small counts', () => {
    expect(integerTicks(2)).toEqual([0, 1, 2]);
    expect(integerTicks(0)).toEqual([0, 1]);
    expect(integerTicks(1)).toEqual([0, 1]);
  });

  it('uses round steps on larger counts, reaching the largest value', () => {
    expect(integerTicks(42)).toEqual([0, 20, 40, 60]);
    expect(integerTicks(7)).toEqual([0, 2, 4, 6, 8]);
    for (const max of [3, 9, 13, 99, 1234]) {
      const ticks = integerTicks(max);
      expect(ticks.every(Number.isInteger)).toBe(true);
      expect(new Set(ticks).size).toBe(ticks.length);
      expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(max);
    }
  });
});

describe('isPartialDay', () => {
  it('marks only today', () => {
    expect(isPartialDay('2026-12-01', '2026-12-01')).toBe(true);
    expect(isPartialDay('2026-11-30', '2026-12-01')).toBe(false);
  });
});
