import {
  GOAL_TARGET_LIMITS,
  type DashboardAgentSort,
  type GoalMetric,
  type GoalPeriod,
  type GoalProgressView,
  type GoalScope,
  type GoalStatus,
} from '@fasto/contracts';
import { formatBrl, formatDecimal, formatInteger, formatRate } from '../../core/format/format';
import { formatMoneyInput, parseMoneyInput, type MoneyLanguage } from '../../core/format/money-input';
import type { MessageKey } from '../../core/i18n/messages';

/** A goal figure the way the dashboard shows the same KPI (money, rate as %, counts). */
export function formatGoalValue(metric: GoalMetric, value: number | null): string {
  if (value === null) return '—';
  switch (metric) {
    case 'sale_value':
      return formatBrl(value);
    case 'conversion_rate':
      return formatRate(value);
    case 'avg_score':
      return formatDecimal(value);
    default:
      return formatInteger(Math.round(value));
  }
}

// Records, not built keys: a scope, metric or status added to the contracts does not build until it has a text.
const SCOPE_LABELS: Readonly<Record<GoalScope, MessageKey>> = { tenant: 'goals.scope.tenant', team: 'goals.scope.team', user: 'goals.scope.user' };
const METRIC_LABELS: Readonly<Record<GoalMetric, MessageKey>> = {
  attendances: 'goals.metric.attendances',
  conversions: 'goals.metric.conversions',
  sale_value: 'goals.metric.sale_value',
  conversion_rate: 'goals.metric.conversion_rate',
  avg_score: 'goals.metric.avg_score',
};
const STATUS_LABELS: Readonly<Record<GoalStatus, MessageKey>> = {
  ahead: 'goals.status.ahead',
  on_track: 'goals.status.on_track',
  behind: 'goals.status.behind',
};
const PERIOD_LABELS: Readonly<Record<GoalPeriod, MessageKey>> = {
  month: 'goals.period.month',
  week: 'goals.period.week',
};
export const UNIT_LABELS: Readonly<Record<GoalMetric, MessageKey>> = {
  attendances: 'goals.unit.attendances',
  conversions: 'goals.unit.conversions',
  sale_value: 'goals.unit.sale_value',
  conversion_rate: 'goals.unit.conversion_rate',
  avg_score: 'goals.unit.avg_score',
};
export const TARGET_ERRORS: Readonly<Record<GoalMetric, MessageKey>> = {
  attendances: 'goals.err.target.attendances',
  conversions: 'goals.err.target.conversions',
  sale_value: 'goals.err.target.sale_value',
  conversion_rate: 'goals.err.target.conversion_rate',
  avg_score: 'goals.err.target.avg_score',
};

export const scopeLabel = (scope: GoalScope): MessageKey => SCOPE_LABELS[scope];
export const metricLabel = (metric: GoalMetric): MessageKey => METRIC_LABELS[metric];
export const periodLabel = (period: GoalPeriod): MessageKey => PERIOD_LABELS[period];
export const statusLabel = (status: GoalStatus): MessageKey => STATUS_LABELS[status];

/** Literal classes (Tailwind reads the source): tinted chips whose text keeps 4.5:1 in both themes. */
export const STATUS_TONE: Record<GoalStatus, string> = {
  ahead: 'bg-emerald-500/10 text-positive',
  on_track: 'bg-zinc-500/10 text-zinc-700 dark:text-zinc-300',
  behind: 'bg-red-500/10 text-negative',
};

/** The target as its input shows it: money with the language's separators, a rate in percent. */
export function targetText(metric: GoalMetric, target: number, language: MoneyLanguage): string {
  if (metric === 'sale_value') return formatMoneyInput(target, language);
  const shown = metric === 'conversion_rate' ? Math.round(target * 10_000) / 100 : target;
  return new Intl.NumberFormat(language, { maximumFractionDigits: 2, useGrouping: false }).format(shown);
}

/**
 * What the user typed as the stored target: `null` when empty, `NaN` when it is not a number in the
 * language, outside the metric's limits or finer than its decimals. A rate is typed in percent and
 * stored as a share (25 → 0.25), like `DashboardTotals.conversionRate`; money goes through the same
 * parser as the attendance sale value, so `12.345,67` is 12345.67 and never ×100.
 */
export function parseTarget(metric: GoalMetric, text: string, language: MoneyLanguage): number | null {
  const typed = parseMoneyInput(text.replace(/%/g, ''), language);
  if (typed === null || Number.isNaN(typed)) return typed;
  const value = metric === 'conversion_rate' ? Number((typed / 100).toFixed(4)) : typed;
  const { min, max, decimals } = GOAL_TARGET_LIMITS[metric];
  const scale = 10 ** decimals;
  if (value < min || value > max || Math.round(value * scale) / scale !== value) return Number.NaN;
  return value;
}

/** The ranking column a goal metric answers; first-response time has none, so that sort shows the sales-value goal. */
const SORT_METRIC: Record<DashboardAgentSort, GoalMetric> = {
  attendances: 'attendances',
  converted: 'conversions',
  conversionRate: 'conversion_rate',
  avgScore: 'avg_score',
  avgFirstResponseMin: 'sale_value',
  saleValue: 'sale_value',
};
export const rankingMetric = (sort: DashboardAgentSort): GoalMetric => SORT_METRIC[sort];

/**
 * Each agent's % of their own goal of `metric` in the current period: the monthly goal, or the weekly
 * one when the agent has no monthly goal. Team and tenant goals never count for an agent.
 */
export function agentGoalPercents(items: readonly GoalProgressView[], metric: GoalMetric): Map<string, number> {
  const percents = new Map<string, number>();
  for (const view of [...items].sort((a, b) => (a.goal.period === b.goal.period ? 0 : a.goal.period === 'month' ? -1 : 1))) {
    const { scope, userId } = view.goal;
    if (scope === 'user' && userId && view.goal.metric === metric && !percents.has(userId)) percents.set(userId, view.percent);
  }
  return percents;
}

/** The goals a dashboard scope shows as cards: an agent's, a team's, or the company's (admins without a filter). */
export function goalsOfScope(items: readonly GoalProgressView[], scope: { userId: string | null; teamId: string | null }): GoalProgressView[] {
  if (scope.userId) return items.filter((view) => view.goal.scope === 'user' && view.goal.userId === scope.userId);
  if (scope.teamId) return items.filter((view) => view.goal.scope === 'team' && view.goal.teamId === scope.teamId);
  return items.filter((view) => view.goal.scope === 'tenant');
}
