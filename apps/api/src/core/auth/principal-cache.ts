import { Injectable, type OnModuleInit } from '@nestjs/common';
import { BoundedCache } from '../cache/bounded-cache';
import { InjectConfig } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { TableWriteListeners } from '../database/table-write-listeners';

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

/** As many signed-in users as an instance serves at once, with room to spare; past it the least recent leave. */
const MAX_USERS = 50_000;

/**
 * Principal rows for a few seconds (PRINCIPAL_CACHE_MS; 0 keeps nothing), so that the requests a
 * browser fires together, and the unread-count polls of every open tab, do not each look the user
 * up. Any UPDATE, DELETE or REPLACE of users or tenants that this process sends, through a
 * repository, a one-round-trip batch or by hand, clears it at once and again when its transaction
 * commits (core/database/table-writes.ts sees every statement TypeORM runs): a deactivation, role
 * change or suspension made here applies to the next request; one made through another instance
 * within the cache's lifetime. Revoking a session clears it explicitly (SessionService), as
 * refresh-token rotations must not empty it every time.
 */
@Injectable()
export class PrincipalCache implements OnModuleInit {
  private readonly rows: BoundedCache<PrincipalRow> | null;

  constructor(
    @InjectConfig() config: AppConfig,
    private readonly tableWrites: TableWriteListeners,
  ) {
    this.rows = config.principalCacheMs > 0 ? new BoundedCache({ name: 'principal by user id', maxEntries: MAX_USERS, ttlMs: config.principalCacheMs }) : null;
  }

  onModuleInit(): void {
    this.tableWrites.on(['users', 'tenants'], () => this.clear());
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

  clear(): void {
    this.rows?.clear();
  }
}
