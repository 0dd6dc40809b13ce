import type { GoalMetric, GoalPeriod, GoalProgressPeriod, GoalScope, GoalStatus } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import { GoalProgressService } from './goal-progress.service';
import { GoalsRepository } from './goals.repository';

/** A goal's progress with the name of whom it is about: what the TV board and the digests show. */
export interface GoalSummary {
  id: string;
  scope: GoalScope;
  /** The team's or agent's name; null for the whole organization (or a subject since removed). */
  name: string | null;
  metric: GoalMetric;
  period: GoalPeriod;
  actual: number;
  target: number;
  /** actual / target (1 = reached). */
  done: number;
  /** The share of the target the pace expects by now (1 for rates, which are levels to hold). */
  expectedByNow: number;
  status: GoalStatus;
}

/** Goal progress for readers outside the goals API, in the current tenant: a team's goals (and its agents'), or all of them. */
@Injectable()
export class GoalSummaries {
  constructor(
    private readonly progress: GoalProgressService,
    private readonly goals: GoalsRepository,
  ) {}

  async of(teamId: string | null, which: GoalProgressPeriod, periods: readonly GoalPeriod[], now = new Date()): Promise<GoalSummary[]> {
    const views = (await this.progress.forScope({ teamId, userId: null }, which, now)).filter((view) => periods.includes(view.goal.period));
    const names = await this.goals.subjectNames(views.map((view) => view.goal));
    return views.map(({ goal, actual, target, expected, status }) => ({
      id: goal.id,
      scope: goal.scope,
      name: names.get(goal.userId ?? goal.teamId ?? '') ?? null,
      metric: goal.metric,
      period: goal.period,
      actual: actual ?? 0,
      target,
      done: target > 0 ? (actual ?? 0) / target : 0,
      expectedByNow: target > 0 ? expected / target : 0,
      status,
    }));
  }
}
