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
