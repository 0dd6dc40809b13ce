import type { DigestKind, GoalPeriod, GoalProgressPeriod } from '@fasto/contracts';

/**
 * Which goal periods a digest reports: a daily one, where every goal stands now; a weekly one (sent
 * on Monday), how the week just closed ended and where the month stands.
 */
export const DIGEST_GOAL_PERIODS: Record<DigestKind, { which: GoalProgressPeriod; periods: readonly GoalPeriod[] }[]> = {
  daily: [{ which: 'current', periods: ['week', 'month'] }],
  weekly: [
    { which: 'previous', periods: ['week'] },
    { which: 'current', periods: ['month'] },
  ],
};
