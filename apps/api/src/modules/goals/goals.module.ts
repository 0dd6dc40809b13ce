import { Module } from '@nestjs/common';
import { AttendancesModule } from '../attendances/attendances.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { GoalAlerts } from './goal-alerts.service';
import { GoalCheckJob } from './goal-check.job';
import { GoalIngestListener } from './goal-ingest.listener';
import { GoalProgressService } from './goal-progress.service';
import { GoalSummaries } from './goal-summaries.service';
import { GoalRollupsRepository } from './goal-rollups.repository';
import { GoalsController } from './goals.controller';
import { GoalsRepository } from './goals.repository';
import { GoalsService } from './goals.service';
import { TenantGoals } from './tenant-goals';

/** Goals with pace (SPEC §12): CRUD, progress from the rollups, and their once-per-period notifications. `GoalProgressService` is for the TV board and the digests. */
@Module({
  imports: [AttendancesModule, NotificationsModule],
  controllers: [GoalsController],
  providers: [
    GoalsRepository,
    GoalRollupsRepository,
    GoalProgressService,
    GoalSummaries,
    GoalsService,
    TenantGoals,
    GoalAlerts,
    GoalIngestListener,
    GoalCheckJob,
  ],
  exports: [GoalProgressService, GoalSummaries],
})
export class GoalsModule {}
