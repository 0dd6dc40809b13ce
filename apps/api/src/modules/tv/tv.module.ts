import { Module } from '@nestjs/common';
import { AttendancesModule } from '../attendances/attendances.module';
import { DashboardModule } from '../dashboard/dashboard.module';
import { TvBoardController } from './tv-board.controller';
import { TvBoardRepository } from './tv-board.repository';
import { TvBoardService } from './tv-board.service';
import { NoTvGoals, TV_GOAL_PROGRESS } from './tv-goal-progress';
import { TvLinkLookupModule } from './tv-link-lookup.module';
import { TvLinksController } from './tv-links.controller';
import { TvLinksService } from './tv-links.service';
import { TvTicker } from './tv-ticker';

/** The TV leaderboard: admins' TV links, the board and its live ticker of closed sales. */
@Module({
  imports: [TvLinkLookupModule, AttendancesModule, DashboardModule],
  controllers: [TvLinksController, TvBoardController],
  providers: [
    TvBoardRepository,
    TvBoardService,
    TvLinksService,
    TvTicker,
    // The goals' progress on the board: the goals module's source replaces this one here.
    { provide: TV_GOAL_PROGRESS, useClass: NoTvGoals },
  ],
})
export class TvModule {}
