/** What a goal measures; the figures are the dashboard's (`DashboardTotals`), read from the same rollups. */
export const GOAL_METRICS = ['attendances', 'conversions', 'sale_value', 'conversion_rate', 'avg_score'] as const;
export type GoalMetric = (typeof GOAL_METRICS)[number];

/** Rates are levels to hold, not totals to add up: their pace is the target itself (see GoalProgressView). */
export const RATE_GOAL_METRICS: readonly GoalMetric[] = ['conversion_rate', 'avg_score'];

/** A week starts on Monday; both are calendar periods in the tenant's time zone. */
export const GOAL_PERIODS = ['week', 'month'] as const;
export type GoalPeriod = (typeof GOAL_PERIODS)[number];

/** Who a goal is for: the whole organization, one team, or one agent. */
export const GOAL_SCOPES = ['tenant', 'team', 'user'] as const;
export type GoalScope = (typeof GOAL_SCOPES)[number];

export const GOAL_STATUSES = ['ahead', 'on_track', 'behind'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** Which period `GET /api/goals/progress` reports: the running one, or the one before it. */
export const GOAL_PROGRESS_PERIODS = ['current', 'previous'] as const;
export type GoalProgressPeriod = (typeof GOAL_PROGRESS_PERIODS)[number];

/**
 * Pace thresholds: `ahead` from 110% of the expected-by-now figure, `behind` under 90%, `on_track`
 * between. Also the limits a target is validated against.
 */
export const GOAL_PACE = { aheadFrom: 1.1, behindBelow: 0.9 } as const;
export const GOAL_TARGET_LIMITS: Record<GoalMetric, { min: number; max: number; decimals: number }> = {
  attendances: { min: 1, max: 10_000_000, decimals: 0 },
  conversions: { min: 1, max: 10_000_000, decimals: 0 },
  sale_value: { min: 0.01, max: 999_999_999_999.99, decimals: 2 },
  /** A share, like `DashboardTotals.conversionRate` (0.25 = 25%). */
  conversion_rate: { min: 0.0001, max: 1, decimals: 4 },
  avg_score: { min: 0.1, max: 100, decimals: 1 },
};

export interface GoalView {
  id: string;
  scope: GoalScope;
  /** Set for team goals. */
  teamId: string | null;
  /** Set for agent goals. */
  userId: string | null;
  metric: GoalMetric;
  period: GoalPeriod;
  target: number;
  /** First tenant-local day the goal counts (YYYY-MM-DD): the period holding it counts in full. */
  activeFrom: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Body of `POST /api/goals`. One goal per (scope, metric, period): a second answers 409 `GOAL_EXISTS`. */
export interface CreateGoalRequest {
  scope: GoalScope;
  teamId?: string;
  userId?: string;
  metric: GoalMetric;
  period: GoalPeriod;
  target: number;
  /** Default: today in the tenant's time zone. */
  activeFrom?: string;
}

/** Body of `PATCH /api/goals/:id`: who and what a goal measures never change (delete it and create another). */
export interface UpdateGoalRequest {
  target?: number;
  activeFrom?: string;
}

/** Query of `GET /api/goals/progress`, scoped like the dashboard (agents: themselves; managers: their team). */
export interface GoalProgressQuery {
  period?: GoalProgressPeriod;
  teamId?: string;
  userId?: string;
}

/**
 * One goal in one period. Totals (`attendances`, `conversions`, `sale_value`): `expected` is the
 * target times the share of the period elapsed (calendar time in the tenant's zone: tenants have no
 * business hours yet) and `projection` the actual figure carried at the same pace to the period's
 * end. Rates (`conversion_rate`, `avg_score`): `expected` is the target and `projection` the rate so
 * far. `status` compares `actual` with `expected` (GOAL_PACE).
 */
export interface GoalProgressView {
  goal: GoalView;
  /** The period's first and last tenant-local day (YYYY-MM-DD). */
  periodStart: string;
  periodEnd: string;
  /** Share of the period elapsed, 0..1 (1 for a finished period). */
  elapsed: number;
  /** Null for a rate with nothing to measure yet (no attendance, or no score). */
  actual: number | null;
  target: number;
  /** actual / target in percent, one decimal (may pass 100). */
  percent: number;
  expected: number;
  projection: number | null;
  status: GoalStatus;
  reached: boolean;
}

export interface GoalProgressResponse {
  period: GoalProgressPeriod;
  items: GoalProgressView[];
}
