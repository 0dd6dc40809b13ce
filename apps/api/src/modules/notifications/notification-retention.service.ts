import { Injectable } from '@nestjs/common';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { NotificationsRepository } from './notifications.repository';

/** Read notifications are kept this long; unread ones stay until their reader deals with them. */
export const READ_NOTIFICATION_RETENTION_DAYS = 90;
const DAY_MS = 86_400_000;

/**
 * Deletes read notifications past the retention period (a scheduled job, once a day): one
 * statement over every tenant, the only one on `notifications` that is not bound to a tenant,
 * so it runs in a named system scope.
 */
@Injectable()
export class NotificationRetention {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly context: TenantContext,
  ) {}

  purge(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - READ_NOTIFICATION_RETENTION_DAYS * DAY_MS);
    return this.context.runAsSystem(`notifications: retention, read ones older than ${READ_NOTIFICATION_RETENTION_DAYS} days in every tenant`, () =>
      this.notifications.purgeReadBefore(cutoff),
    );
  }
}
