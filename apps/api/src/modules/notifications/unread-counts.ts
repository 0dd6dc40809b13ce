import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Equal, IsNull, type DataSource } from 'typeorm';
import { InjectConfig } from '../../core/config/config.module';
import type { AppConfig } from '../../core/config/app-config';
import { Notification } from './entities/notification.entity';
import { NotificationSignals } from './notification-signals';

interface Entry {
  count: number;
  expiresAt: number;
}

/** Past this many cached users, expired entries are swept before adding more. */
const SWEEP_ABOVE = 10_000;

/**
 * Unread counts, which every open tab polls every 10 s, answered from memory for a few seconds:
 * at most one query per user per interval, however many tabs ask at once. A change made
 * through this instance evicts at once; one made through another instance shows when the
 * entry expires, which is sooner than the next poll.
 */
@Injectable()
export class UnreadCounts {
  private readonly cache = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<number>>();
  /** Bumped on eviction, so a query that started before a change cannot cache its stale answer. */
  private readonly generations = new Map<string, number>();
  private readonly ttlMs: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() config: AppConfig,
    signals: NotificationSignals,
  ) {
    this.ttlMs = config.notifications.unreadCountCacheMs;
    signals.onChange((userIds) => userIds.forEach((userId) => this.forget(userId)));
  }

  /** A plain number when cached (no promise on the polling hot path), else the query's promise. */
  of(tenantId: string, userId: string): number | Promise<number> {
    const cached = this.cache.get(userId);
    if (cached && cached.expiresAt > Date.now()) return cached.count;
    const inFlight = this.pending.get(userId);
    if (inFlight) return inFlight;
    const generation = this.generations.get(userId) ?? 0;
    const query = this.count(tenantId, userId)
      .then((count) => {
        if ((this.generations.get(userId) ?? 0) === generation && this.ttlMs > 0) this.remember(userId, count);
        return count;
      })
      .finally(() => this.pending.delete(userId));
    this.pending.set(userId, query);
    return query;
  }

  forget(userId: string): void {
    this.cache.delete(userId);
    this.pending.delete(userId);
    this.generations.set(userId, (this.generations.get(userId) ?? 0) + 1);
  }

  private count(tenantId: string, userId: string): Promise<number> {
    return this.dataSource.getRepository(Notification).countBy({ tenantId: Equal(tenantId), userId: Equal(userId), readAt: IsNull() });
  }

  private remember(userId: string, count: number): void {
    const now = Date.now();
    if (this.cache.size >= SWEEP_ABOVE) {
      for (const [key, entry] of this.cache) if (entry.expiresAt <= now) this.cache.delete(key);
      if (this.cache.size >= SWEEP_ABOVE) this.cache.clear();
      for (const key of this.generations.keys()) if (!this.pending.has(key)) this.generations.delete(key);
    }
    this.cache.set(userId, { count, expiresAt: now + this.ttlMs });
  }
}
