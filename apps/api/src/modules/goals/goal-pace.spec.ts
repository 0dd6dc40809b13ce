import type { DashboardTotals } from '@fasto/contracts';
import { paceOf, statusOf } from './goal-pace';

const totals = (fields: Partial<DashboardTotals>): DashboardTotals => ({
  attendances: 0,
  converted: 0,
  conversionRate: 0,
  avgScore: null,
  avgFirstResponseMin: null,
  saleValue: 0,
  ...fields,
});

describe('goal pace', () => {
  it('is ahead from 110% of the expected figure, behind under 90%', () => {
    expect(statusOf(110, 100)).toBe('ahead');
    expect(statusOf(109.9, 100)).toBe('on_track');
    expect(statusOf(90, 100)).toBe('on_track');
    expect(statusOf(89.9, 100)).toBe('behind');
    expect(statusOf(0, 0)).toBe('on_track');
    expect(statusOf(1, 0)).toBe('ahead');
  });

  it('expects totals in step with time and projects them at the same pace', () => {
    expect(paceOf('sale_value', 1000, totals({ saleValue: 300 }), 0.25)).toEqual({
      actual: 300,
      percent: 30,
      expected: 250,
      projection: 1200,
      status: 'ahead',
      reached: false,
    });
    expect(paceOf('conversions', 5, totals({ converted: 5 }), 0.1)).toMatchObject({ reached: true, status: 'ahead' });
    expect(paceOf('attendances', 5, totals({}), 0)).toMatchObject({ expected: 0, projection: null, status: 'on_track' });
  });

  it('holds rates to the target all along and calls them reached only at the period’s end', () => {
    expect(paceOf('avg_score', 80, totals({ avgScore: 85 }), 0.5)).toEqual({
      actual: 85,
      percent: 106.3,
      expected: 80,
      projection: 85,
      status: 'on_track',
      reached: false,
    });
    expect(paceOf('avg_score', 80, totals({ avgScore: 85 }), 1)).toMatchObject({ reached: true });
    expect(paceOf('conversion_rate', 0.2, totals({}), 0.5)).toMatchObject({ actual: null, status: 'on_track', reached: false });
  });
});
