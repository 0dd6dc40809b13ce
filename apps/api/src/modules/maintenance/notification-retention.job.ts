import { Injectable } from '@nestjs/common';
import { ScheduledJob, type JobContext, type JobHandler } from '../../core/jobs/scheduled-job.decorator';
import { NotificationRetention, READ_NOTIFICATION_RETENTION_DAYS } from '../notifications/notification-retention.service';

/** Schedules the notifications module's retention (the module owns the rule, this only runs it daily). */
@Injectable()
@ScheduledJob({
  name: 'notifications.retention',
  cron: '20 3 * * *',
  description: `Delete read notifications older than ${READ_NOTIFICATION_RETENTION_DAYS} days`,
})
export class NotificationRetentionJob implements JobHandler {
  constructor(private readonly retention: NotificationRetention) {}

  async run({ now }: JobContext): Promise<string> {
    return `deleted ${await this.retention.purge(now)} read notification(s) older than ${READ_NOTIFICATION_RETENTION_DAYS} days`;
  }
}
