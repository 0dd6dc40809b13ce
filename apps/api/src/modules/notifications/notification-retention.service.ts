import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LessThan, Not, IsNull, type DataSource } from 'typeorm';
import { Notification } from './entities/notification.entity';

/** Read notifications are kept this long; unread ones stay until their reader deals with them. */
export const READ_NOTIFICATION_RETENTION_DAYS = 90;
const DAY_MS = 86_400_000;

/** Deletes read notifications past the retention period (a scheduled job, once a day). */
@Injectable()
export class NotificationRetention {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async purge(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - READ_NOTIFICATION_RETENTION_DAYS * DAY_MS);
    const result = await this.dataSource.getRepository(Notification).delete({ readAt: Not(IsNull()), createdAt: LessThan(cutoff) });
    return result.affected ?? 0;
  }
}
