import type { GoalMetric, GoalPeriod, GoalProgressPeriod, GoalProgressView, GoalScope } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import { toMeasures } from '../attendances/rollups/rollup-sums';
import { TenantTimezones } from '../attendances/tenant-timezones';
import { toTotals } from '../dashboard/dashboard-math';
import type { Goal } from './entities/goal.entity';
import { elapsedShare, periodBounds, type PeriodBounds } from './goal-periods';
import { paceOf } from './goal-pace';
import { GoalRollupsRepository } from './goal-rollups.repository';
import { toGoalView } from './goal.mapper';
import { GoalsRepository } from './goals.repository';

/** Whose goals: the tenant's (every goal), a team's (its own and its agents'), or one agent's — as `resolveScope` narrows it. */
export interface GoalProgressScope {
  teamId: string | null;
  userId: string | null;
}

const subjectOf = (goal: Goal): string => (goal.scope === 'team' ? (goal.teamId ?? '') : goal.scope === 'user' ? (goal.userId ?? '') : '');

/**
 * Progress of goals in a period, in the current tenant: what the goals API answers, and what the
 * TV board, the digests and the goal notifications call in process. Reads the rollups only: one
 * statement per (scope level, period kind) however many goals.
 */
@Injectable()
export class GoalProgressService {
  constructor(
    private readonly goals: GoalsRepository,
    private readonly rollups: GoalRollupsRepository,
    private readonly timezones: TenantTimezones,
  ) {}

  /** The goals of a scope (agent → theirs; team → the team's and its agents'; neither → every goal of the tenant). */
  async forScope(scope: GoalProgressScope, which: GoalProgressPeriod, now = new Date()): Promise<GoalProgressView[]> {
    const goals = await this.goals.list(scope.userId ? { userId: scope.userId } : scope.teamId ? { teamId: scope.teamId } : { all: true });
    return this.of(goals, which, now);
  }

  /** Progress of the given goals; a goal that starts after the period is left out. */
  async of(goals: Goal[], which: GoalProgressPeriod, now = new Date()): Promise<GoalProgressView[]> {
    const timeZone = await this.timezones.current();
    const bounds: Record<GoalPeriod, PeriodBounds> = { week: periodBounds('week', which, timeZone, now), month: periodBounds('month', which, timeZone, now) };
    // Once per period kind, not per goal: a zone's midnights cost a time-zone lookup each (the P9 bench saw them dominate).
    const elapsed: Record<GoalPeriod, number> =
      which === 'previous' ? { week: 1, month: 1 } : { week: elapsedShare(bounds.week, timeZone, now), month: elapsedShare(bounds.month, timeZone, now) };
    const counted = goals.filter((goal) => goal.activeFrom <= bounds[goal.period as GoalPeriod].end);
    const groups = new Map<string, { scope: GoalScope; period: GoalPeriod; subjects: Set<string> }>();
    for (const goal of counted) {
      const key = `${goal.scope}|${goal.period}`;
      const group = groups.get(key) ?? { scope: goal.scope as GoalScope, period: goal.period as GoalPeriod, subjects: new Set<string>() };
      group.subjects.add(subjectOf(goal));
      groups.set(key, group);
    }
    const sums = new Map(
      await Promise.all(
        [...groups].map(async ([key, group]) => {
          const range = { from: bounds[group.period].start, to: bounds[group.period].end };
          return [key, await this.rollups.totals(group.scope, [...group.subjects], range)] as const;
        }),
      ),
    );
    return counted.map((goal) => {
      const period = bounds[goal.period as GoalPeriod];
      const share = elapsed[goal.period as GoalPeriod];
      const totals = toTotals(sums.get(`${goal.scope}|${goal.period}`)?.get(subjectOf(goal)) ?? toMeasures(undefined));
      const target = Number(goal.target);
      return {
        goal: toGoalView(goal),
        periodStart: period.start,
        periodEnd: period.end,
        elapsed: Math.round(share * 10_000) / 10_000,
        target,
        ...paceOf(goal.metric as GoalMetric, target, totals, share),
      };
    });
  }
}
