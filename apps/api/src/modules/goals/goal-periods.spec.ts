import { elapsedShare, periodBounds, periodHolding } from './goal-periods';

describe('goal periods', () => {
  it('starts weeks on Monday and months on the 1st, across month and year ends', () => {
    expect(periodHolding('week', '2026-07-02')).toEqual({ start: '2026-06-29', end: '2026-07-05' });
    expect(periodHolding('week', '2026-06-29')).toEqual({ start: '2026-06-29', end: '2026-07-05' });
    expect(periodHolding('week', '2026-07-05')).toEqual({ start: '2026-06-29', end: '2026-07-05' });
    expect(periodHolding('week', '2027-01-01')).toEqual({ start: '2026-12-28', end: '2027-01-03' });
    expect(periodHolding('month', '2028-02-15')).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(periodHolding('month', '2026-12-31')).toEqual({ start: '2026-12-01', end: '2026-12-31' });
  });

  it('finds the current and previous period on the tenant’s calendar, not UTC’s', () => {
    // Monday 02:30 UTC is still Sunday evening in São Paulo.
    const now = new Date('2026-06-29T02:30:00Z');
    expect(periodBounds('week', 'current', 'America/Sao_Paulo', now)).toEqual({ start: '2026-06-22', end: '2026-06-28' });
    expect(periodBounds('week', 'current', 'UTC', now)).toEqual({ start: '2026-06-29', end: '2026-07-05' });
    expect(periodBounds('week', 'previous', 'America/Sao_Paulo', now)).toEqual({ start: '2026-06-15', end: '2026-06-21' });
    expect(periodBounds('month', 'previous', 'Asia/Tokyo', new Date('2026-02-28T16:00:00Z'))).toEqual({ start: '2026-02-01', end: '2026-02-28' });
  });

  it('measures the share elapsed between local midnights, a daylight-saving week included', () => {
    expect(elapsedShare({ start: '2026-06-29', end: '2026-07-05' }, 'America/Sao_Paulo', new Date('2026-07-02T15:00:00Z'))).toBe(0.5);
    expect(elapsedShare({ start: '2026-06-29', end: '2026-07-05' }, 'America/Sao_Paulo', new Date('2026-06-01T00:00:00Z'))).toBe(0);
    expect(elapsedShare({ start: '2026-06-29', end: '2026-07-05' }, 'America/Sao_Paulo', new Date('2026-08-01T00:00:00Z'))).toBe(1);
    // Lisbon's week to Sunday 2026-03-29 (clocks go forward) lasts 167 hours; 84 are gone at Thursday 12:00 (UTC+0 until then).
    expect(elapsedShare({ start: '2026-03-23', end: '2026-03-29' }, 'Europe/Lisbon', new Date('2026-03-26T12:00:00Z'))).toBeCloseTo(84 / 167, 10);
  });
});
