import { periodRanges } from './tv-periods';

describe('periodRanges', () => {
  it('starts weeks on Monday and compares with the whole previous week, across a month end', () => {
    expect(periodRanges('week', '2026-12-02')).toEqual({
      range: { from: '2026-11-30', to: '2026-12-02' },
      previousRange: { from: '2026-11-23', to: '2026-11-29' },
    });
    // A Sunday belongs to the week that started six days before.
    expect(periodRanges('week', '2026-11-29').range.from).toBe('2026-11-23');
  });

  it('compares a month with the whole previous month, across a year end', () => {
    expect(periodRanges('month', '2026-01-15')).toEqual({
      range: { from: '2026-01-01', to: '2026-01-15' },
      previousRange: { from: '2025-12-01', to: '2025-12-31' },
    });
  });
});
