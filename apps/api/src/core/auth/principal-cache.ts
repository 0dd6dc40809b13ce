import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { InjectConfig } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { TableBackedCache } from '../database/table-backed-cache';

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

/**
 * Principal rows for a few seconds (PRINCIPAL_CACHE_MS), so that the requests a browser fires
 * together, and the unread-count polls of every open tab, do not each look the user up. Any
 * UPDATE or DELETE of users or tenants through this process clears it, at once and again when its
 * transaction commits: a deactivation, role change or suspension made here applies to the next
 * request; one made through another instance within the cache's lifetime. Revoking a session
 * clears it explicitly (SessionService), as refresh-token rotations must not empty it every time.
 */
@Injectable()
export class PrincipalCache extends TableBackedCache<PrincipalRow> implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() config: AppConfig,
  ) {
    super(config.principalCacheMs);
  }

  onModuleInit(): void {
    this.watch(this.dataSource, ['users', 'tenants']);
  }
}
