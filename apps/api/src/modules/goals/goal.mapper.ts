import type { GoalMetric, GoalPeriod, GoalScope, GoalView } from '@fasto/contracts';
import type { Goal } from './entities/goal.entity';

export const toGoalView = (goal: Goal): GoalView => ({
  id: goal.id,
  scope: goal.scope as GoalScope,
  teamId: goal.teamId,
  userId: goal.userId,
  metric: goal.metric as GoalMetric,
  period: goal.period as GoalPeriod,
  target: Number(goal.target),
  activeFrom: goal.activeFrom,
  createdBy: goal.createdBy,
  createdAt: goal.createdAt.toISOString(),
  updatedAt: goal.updatedAt.toISOString(),
});
