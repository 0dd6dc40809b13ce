import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { InjectConfig } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { onTableWrites } from '../database/table-writes';

/** What an access token's user is right now: the part of the principal that lives in the database. */
export interface PrincipalRow {
  id: string;
  email: string;
  tenantId: string;
  role: string;
  teamId: string | null;
  isActive: number | boolean;
  tenantStatus: string;
}

/**
 * Principal rows for a few seconds (PRINCIPAL_CACHE_MS), so that the requests a browser fires
 * together, and the unread-count polls of every open tab, do not each look the user up. Any
 * UPDATE or DELETE of users or tenants through this process clears it, at once and again when its
 * transaction commits: a deactivation, role change or suspension made here applies to the next
 * request; one made through another instance within the cache's lifetime.
 */
@Injectable()
export class PrincipalCache implements OnModuleInit {
  private readonly rows = new Map<string, { row: PrincipalRow; expiresAt: number }>();
  private readonly ttlMs: number;
  /** Bumped by every clear, so a lookup that raced a write never caches what it read before it. */
  private generation = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() config: AppConfig,
  ) {
    this.ttlMs = config.principalCacheMs;
  }

  onModuleInit(): void {
    onTableWrites(this.dataSource, ['users', 'tenants'], () => this.clear());
  }

  get(userId: string): PrincipalRow | undefined {
    const cached = this.rows.get(userId);
    if (cached && cached.expiresAt > Date.now()) return cached.row;
    return undefined;
  }

  /** Looks the row up with `load` unless cached; caches the answer when nothing changed meanwhile. */
  async through(userId: string, load: () => Promise<PrincipalRow | undefined>): Promise<PrincipalRow | undefined> {
    const cached = this.get(userId);
    if (cached) return cached;
    const generation = this.generation;
    const row = await load();
    if (row && this.ttlMs > 0 && generation === this.generation) {
      if (this.rows.size > 50_000) this.rows.clear();
      this.rows.set(userId, { row, expiresAt: Date.now() + this.ttlMs });
    }
    return row;
  }

  clear(): void {
    this.generation += 1;
    this.rows.clear();
  }
}
