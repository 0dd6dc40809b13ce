import { Module } from '@nestjs/common';
import { AttendancesModule } from '../attendances/attendances.module';
import { DashboardCatalog } from './dashboard-catalog';
import { DashboardController } from './dashboard.controller';
import { DashboardRepository } from './dashboard.repository';
import { DashboardService } from './dashboard.service';

@Module({ imports: [AttendancesModule], controllers: [DashboardController], providers: [DashboardService, DashboardRepository, DashboardCatalog] })
export class DashboardModule {}
