import { Module } from '@nestjs/common';
import { AttendancesModule } from '../attendances/attendances.module';
import { DashboardCatalogRepository } from './dashboard-catalog.repository';
import { DashboardController } from './dashboard.controller';
import { DashboardRepository } from './dashboard.repository';
import { DashboardService } from './dashboard.service';
import { WindowTotalsRepository } from './window-totals.repository';

@Module({
  imports: [AttendancesModule],
  controllers: [DashboardController],
  providers: [DashboardService, DashboardRepository, DashboardCatalogRepository, WindowTotalsRepository],
  // The TV board reads the same rollup sums.
  exports: [DashboardService, DashboardRepository],
})
export class DashboardModule {}
