import { rangeFor } from './date-range';

describe('rangeFor', () => {
  const today = new Date(2026, 10, 22, 15, 30);

  it('turns presets into inclusive day ranges ending today', () => {
    expect(rangeFor('today', today)).toEqual({ from: '2026-11-22', to: '2026-11-22' });
    expect(rangeFor('7d', today)).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(rangeFor('30d', today)).toEqual({ from: '2026-10-24', to: '2026-11-22' });
    expect(rangeFor('90d', today)).toEqual({ from: '2026-08-25', to: '2026-11-22' });
    expect(rangeFor('month', today)).toEqual({ from: '2026-11-01', to: '2026-11-22' });
  });

  it('keeps a valid custom range and falls back to 30 days otherwise', () => {
    expect(rangeFor('custom', today, { from: '2026-01-01', to: '2026-01-31' })).toEqual({ from: '2026-01-01', to: '2026-01-31' });
    expect(rangeFor('custom', today, { from: '2026-02-01', to: '2026-01-01' })).toEqual(rangeFor('30d', today));
    expect(rangeFor('custom', today, { from: 'yesterday', to: '2026-01-01' })).toEqual(rangeFor('30d', today));
  });
});

describe('week presets', () => {
  it('start on Monday: this week runs to today, last week is Monday to Sunday', () => {
    const wednesday = new Date(2026, 11, 2);
    expect(rangeFor('week', wednesday)).toEqual({ from: '2026-11-30', to: '2026-12-02' });
    expect(rangeFor('lastWeek', wednesday)).toEqual({ from: '2026-11-23', to: '2026-11-29' });
  });

  it('treat Sunday as the last day of its week and Monday as the first', () => {
    expect(rangeFor('week', new Date(2026, 11, 6))).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(rangeFor('week', new Date(2026, 10, 30))).toEqual({ from: '2026-11-30', to: '2026-11-30' });
    expect(rangeFor('lastWeek', new Date(2026, 10, 30))).toEqual({ from: '2026-11-23', to: '2026-11-29' });
  });
});
