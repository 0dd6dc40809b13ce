import { Module } from '@nestjs/common';
import { AttendancesModule } from '../attendances/attendances.module';
import { AuthModule } from '../auth/auth.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { TenantsModule } from '../tenants/tenants.module';
import { NotificationRetentionJob } from './notification-retention.job';
import { RollupCheckJob } from './rollup-check.job';
import { RollupCheckRepository } from './rollup-check.repository';
import { RollupConsistency } from './rollup-consistency';
import { TokenCleanupJob } from './token-cleanup.job';
import { TrialExpiryJob } from './trial-expiry.job';

/** Housekeeping scheduled jobs (see `@ScheduledJob`): token cleanup, trial expiry, rollup check, notification retention. */
@Module({
  imports: [AuthModule, TenantsModule, AttendancesModule, NotificationsModule],
  providers: [TokenCleanupJob, TrialExpiryJob, RollupCheckJob, RollupCheckRepository, RollupConsistency, NotificationRetentionJob],
})
export class MaintenanceModule {}
