import { Module, type DynamicModule } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import type { AppConfig } from './core/config/app-config';
import { BackgroundModule } from './core/background/background.module';
import { AppConfigModule } from './core/config/config.module';
import { DatabaseModule } from './core/database/database.module';
import { ENTITIES } from './entities';
import { HealthModule } from './core/health/health.module';
import { AppLoggerModule } from './core/logging/logger.module';
import { AuthCoreModule } from './core/auth/auth-core.module';
import { MailModule } from './core/mail/mail.module';
import { TenancyModule } from './core/tenancy/tenancy.module';
import { RateLimitModule } from './core/rate-limit/rate-limit.module';
import { RedisModule } from './core/redis/redis.module';
import { AuditModule } from './modules/audit/audit.module';
import { AttendancesModule } from './modules/attendances/attendances.module';
import { AuthModule } from './modules/auth/auth.module';
import { DashboardModule } from './modules/dashboard/dashboard.module';
import { IntegrationModule } from './modules/integration/integration.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { FunnelsModule } from './modules/funnels/funnels.module';
import { OriginsModule } from './modules/origins/origins.module';
import { TeamsModule } from './modules/teams/teams.module';
import { TenantsModule } from './modules/tenants/tenants.module';
import { UsersModule } from './modules/users/users.module';
import { EventsModule } from './core/events/events.module';
import { JobsModule } from './core/jobs/jobs.module';
import { BackupsModule } from './modules/backups/backups.module';
import { MaintenanceModule } from './modules/maintenance/maintenance.module';
import { TvModule } from './modules/tv/tv.module';
import { WebhooksModule } from './modules/webhooks/webhooks.module';
import { DigestsModule } from './modules/digests/digests.module';
import { GoalsModule } from './modules/goals/goals.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logStream?: DestinationStream): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        AppLoggerModule.forRoot(logStream),
        TenancyModule,
        DatabaseModule.forRoot(ENTITIES),
        RedisModule,
        AuthCoreModule,
        RateLimitModule,
        MailModule,
        BackgroundModule,
        EventsModule,
        AuditModule,
        HealthModule,
        AuthModule,
        TenantsModule,
        UsersModule,
        TeamsModule,
        FunnelsModule,
        OriginsModule,
        AttendancesModule,
        DashboardModule,
        IntegrationModule,
        NotificationsModule,
        JobsModule,
        BackupsModule,
        MaintenanceModule,
        WebhooksModule,
        DigestsModule,
        GoalsModule,
        TvModule,
      ],
    };
  }
}
