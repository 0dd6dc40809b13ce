import { GOAL_PACE, RATE_GOAL_METRICS, type DashboardTotals, type GoalMetric, type GoalStatus } from '@fasto/contracts';

/** The progress figures of one goal in one period (GoalProgressView without the goal and the days). */
export interface Pace {
  actual: number | null;
  percent: number;
  expected: number;
  projection: number | null;
  status: GoalStatus;
  reached: boolean;
}

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** The goal's figure among the dashboard's KPIs of the period (null: a rate with nothing to measure). */
export function actualOf(metric: GoalMetric, totals: DashboardTotals): number | null {
  switch (metric) {
    case 'attendances':
      return totals.attendances;
    case 'conversions':
      return totals.converted;
    case 'sale_value':
      return totals.saleValue;
    case 'conversion_rate':
      return totals.attendances > 0 ? totals.conversionRate : null;
    case 'avg_score':
      return totals.avgScore;
  }
}

/** ahead from 110% of what was expected by now, behind under 90%, on track between (GOAL_PACE). */
export function statusOf(actual: number | null, expected: number): GoalStatus {
  if (actual === null) return 'on_track';
  if (expected <= 0) return actual > 0 ? 'ahead' : 'on_track';
  const ratio = actual / expected;
  return ratio >= GOAL_PACE.aheadFrom ? 'ahead' : ratio < GOAL_PACE.behindBelow ? 'behind' : 'on_track';
}

/**
 * Totals are expected to grow in step with the time elapsed, and are projected at the same pace to
 * the period's end. A rate is a level to hold all along: expected is the target, the projection the
 * rate so far, and it is reached only once the period is over (one early 100% would not count).
 */
export function paceOf(metric: GoalMetric, target: number, totals: DashboardTotals, elapsed: number): Pace {
  const actual = actualOf(metric, totals);
  const percent = actual === null ? 0 : round((actual / target) * 100, 1);
  if (RATE_GOAL_METRICS.includes(metric)) {
    return {
      actual,
      percent,
      expected: target,
      projection: actual,
      status: statusOf(actual, target),
      reached: elapsed >= 1 && actual !== null && actual >= target,
    };
  }
  const value = actual ?? 0;
  const expected = round(target * elapsed, 2);
  return {
    actual: value,
    percent,
    expected,
    projection: elapsed > 0 ? round(value / elapsed, 2) : null,
    status: statusOf(value, expected),
    reached: value >= target,
  };
}
