import { Module } from '@nestjs/common';
import { AttendancesModule } from '../attendances/attendances.module';
import { DashboardModule } from '../dashboard/dashboard.module';
import { GoalsModule } from '../goals/goals.module';
import { TvBoardController } from './tv-board.controller';
import { TvBoardRepository } from './tv-board.repository';
import { TvBoardService } from './tv-board.service';
import { TvLinkLookupModule } from './tv-link-lookup.module';
import { TvLinksController } from './tv-links.controller';
import { TvLinksService } from './tv-links.service';
import { TvTicker } from './tv-ticker';

/** The TV leaderboard: admins' TV links, the board and its live ticker of closed sales. */
@Module({
  imports: [TvLinkLookupModule, AttendancesModule, DashboardModule, GoalsModule],
  controllers: [TvLinksController, TvBoardController],
  providers: [TvBoardRepository, TvBoardService, TvLinksService, TvTicker],
})
export class TvModule {}
