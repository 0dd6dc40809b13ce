import type { TvBoardGoal, TvPeriod } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';

/** Whose goals the board shows: the organization's (teamId null) or one team's, in the board's period. */
export interface TvGoalScope {
  teamId: string | null;
  period: TvPeriod;
}

/**
 * Where the board's goal progress comes from. The goals module provides it under
 * `TV_GOAL_PROGRESS` (tv.module.ts is the one place it is wired); it runs in the board's tenant scope.
 */
export interface TvGoalProgress {
  forBoard(scope: TvGoalScope): Promise<TvBoardGoal[]>;
}

export const TV_GOAL_PROGRESS = Symbol('TvGoalProgress');

/** The source in force while no module sets goals: a tenant without goals shows none. */
@Injectable()
export class NoTvGoals implements TvGoalProgress {
  forBoard(): Promise<TvBoardGoal[]> {
    return Promise.resolve([]);
  }
}
