import { Injectable } from '@nestjs/common';
import { BoundedCache } from '../../core/cache/bounded-cache';
import type { AppConfig } from '../../core/config/app-config';
import { InjectConfig } from '../../core/config/config.module';
import { NotificationSignals } from './notification-signals';
import { NotificationsRepository } from './notifications.repository';

/**
 * Unread counts, which every open tab polls every 10 s, answered from memory for a few seconds
 * (`NOTIFICATION_COUNT_CACHE_MS`, 0 turns it off): at most one query per user per interval (QUALITY P5).
 * A change made through this instance evicts at once, and a count read while it was being made is
 * not kept; one made through another instance shows when the entry expires, sooner than the next poll.
 * Keyed by user id alone: ids are unique across tenants, and a user's count is read in their own tenant.
 */
@Injectable()
export class UnreadCounts {
  private readonly counts: BoundedCache<number> | null;

  constructor(
    private readonly notifications: NotificationsRepository,
    @InjectConfig() config: AppConfig,
    signals: NotificationSignals,
  ) {
    const ttlMs = config.notifications.unreadCountCacheMs;
    this.counts = ttlMs > 0 ? new BoundedCache<number>({ name: 'unread notifications by user', maxEntries: 10_000, ttlMs }) : null;
    signals.onChange((userIds) => userIds.forEach((userId) => this.counts?.forget(userId)));
  }

  /** The count of the current tenant's user: a plain number when kept (no promise on the polling hot path), else the query's promise. */
  of(userId: string): number | Promise<number> {
    if (!this.counts) return this.notifications.unreadCount(userId);
    return this.counts.get(userId) ?? this.counts.through(userId, () => this.notifications.unreadCount(userId));
  }
}
