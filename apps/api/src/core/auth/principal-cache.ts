import { Injectable, type OnModuleInit } from '@nestjs/common';
import { BoundedCache } from '../cache/bounded-cache';
import { InjectConfig } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { TableWriteListeners } from '../database/table-write-listeners';
import { ClusterBus, RESYNC_TOPIC } from '../redis/cluster-bus';

/** What an access token's user is right now: the part of the principal that lives in the database. */
export interface PrincipalRow {
  id: string;
  email: string;
  tenantId: string;
  role: string;
  teamId: string | null;
  isActive: number | boolean;
  tenantStatus: string;
  /** The user's sessions (refresh-token families) that are neither revoked nor expired. */
  sessions: string[];
}

/** Told on the cluster bus whenever principals may have changed (a user, tenant or session write): every instance empties its cache. */
export const PRINCIPALS_CHANGED = 'principals.changed';

/** As many signed-in users as an instance serves at once, with room to spare; past it the least recent leave. */
const MAX_USERS = 50_000;

/**
 * Principal rows for a few seconds (PRINCIPAL_CACHE_MS; 0 keeps nothing), so that the requests a
 * browser fires together, and the unread-count polls of every open tab, do not each look the user
 * up. Any UPDATE, DELETE or REPLACE of users or tenants that this process sends, through a
 * repository, a one-round-trip batch or by hand, clears it at once and again when its transaction
 * commits (core/database/table-writes.ts sees every statement TypeORM runs): a deactivation, role
 * change or suspension made here applies to the next request. Revoking a session clears it
 * explicitly (SessionService), as refresh-token rotations must not empty it every time. Each clear
 * goes out on the cluster bus: with Redis every instance empties its cache within a round trip
 * (QUALITY security 22); without Redis, or while it is down, other instances within the cache's
 * lifetime, and all of them again when their subscription is back.
 */
@Injectable()
export class PrincipalCache implements OnModuleInit {
  private readonly rows: BoundedCache<PrincipalRow> | null;

  constructor(
    @InjectConfig() config: AppConfig,
    private readonly tableWrites: TableWriteListeners,
    private readonly bus: ClusterBus,
  ) {
    this.rows = config.principalCacheMs > 0 ? new BoundedCache({ name: 'principal by user id', maxEntries: MAX_USERS, ttlMs: config.principalCacheMs }) : null;
  }

  onModuleInit(): void {
    this.tableWrites.on(['users', 'tenants'], () => this.clear());
    this.bus.on(PRINCIPALS_CHANGED, () => this.rows?.clear());
    this.bus.on(RESYNC_TOPIC, () => this.rows?.clear());
  }

  get(userId: string): PrincipalRow | undefined {
    return this.rows?.get(userId);
  }

  /** The kept row, else what `load` reads (kept unless a write came in meanwhile). */
  through(userId: string, load: () => Promise<PrincipalRow | undefined>): Promise<PrincipalRow | undefined> {
    return this.rows ? this.rows.through(userId, load) : load();
  }

  forget(userId: string): void {
    this.rows?.forget(userId);
  }

  /** Empties this cache and every other instance's. */
  clear(): void {
    this.bus.publish(PRINCIPALS_CHANGED);
  }
}
