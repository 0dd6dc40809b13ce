import { previousPeriod } from './previous-period';

const ZONE = 'America/Sao_Paulo';
/** 2026-03-11 14:30 in São Paulo (UTC−3). */
const NOW = new Date('2026-03-11T17:30:00Z');

describe('previousPeriod', () => {
  it('compares a past range with the whole days before it', () => {
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-07' }, ZONE, NOW)).toEqual({
      range: { from: '2026-02-22', to: '2026-02-28' },
      wholeDays: { from: '2026-02-22', to: '2026-02-28' },
      partialDay: null,
    });
  });

  it('compares today alone with yesterday up to the same local time', () => {
    expect(previousPeriod({ from: '2026-03-11', to: '2026-03-11' }, ZONE, NOW)).toEqual({
      range: { from: '2026-03-10', to: '2026-03-10' },
      wholeDays: null,
      partialDay: { from: new Date('2026-03-10T03:00:00Z'), until: new Date('2026-03-10T17:30:00Z') },
    });
  });

  it('counts the elapsed whole days, then the matching day up to now, even when the range ends later', () => {
    expect(previousPeriod({ from: '2026-03-09', to: '2026-03-15' }, ZONE, NOW)).toEqual({
      range: { from: '2026-03-02', to: '2026-03-08' },
      wholeDays: { from: '2026-03-02', to: '2026-03-03' },
      partialDay: { from: new Date('2026-03-04T03:00:00Z'), until: new Date('2026-03-04T17:30:00Z') },
    });
  });
});
