import { Module } from '@nestjs/common';
import { NotificationRetention } from './notification-retention.service';
import { NotificationSignals } from './notification-signals';
import { NotificationStreams } from './notification-streams';
import { NotificationWriter } from './notification-writer.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { AlertThresholds } from './triggers/alert-thresholds';
import { AttendanceTriggers } from './triggers/attendance-triggers';
import { OrganizationTriggers } from './triggers/organization-triggers';
import { SuperAdmins } from './triggers/super-admins';
import { TenantLifecycleTriggers } from './triggers/tenant-lifecycle-triggers';
import { TriggersRepository } from './triggers/triggers.repository';
import { WebhookTriggers } from './triggers/webhook-triggers';
import { UnreadCounts } from './unread-counts';

/** The per-user tray: triggers that write notifications inside the change's transaction, the API, the live stream. */
@Module({
  controllers: [NotificationsController],
  providers: [
    NotificationsRepository,
    TriggersRepository,
    SuperAdmins,
    NotificationRetention,
    NotificationSignals,
    NotificationWriter,
    UnreadCounts,
    NotificationsService,
    NotificationStreams,
    OrganizationTriggers,
    AlertThresholds,
    AttendanceTriggers,
    TenantLifecycleTriggers,
    WebhookTriggers,
  ],
  exports: [NotificationsService, NotificationRetention, NotificationWriter, TriggersRepository],
})
export class NotificationsModule {}
