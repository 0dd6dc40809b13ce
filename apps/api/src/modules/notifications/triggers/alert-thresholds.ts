import { DEFAULT_TENANT_SETTINGS, type TenantSettings } from '@fasto/contracts';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AfterQueryEvent, DataSource, EntitySubscriberInterface } from 'typeorm';
import { afterCommit } from '../../../core/database/after-commit';

/** How long another instance's change of a threshold may take to apply here. */
const TTL_MS = 10_000;

/** Any statement that may change a tenant, written by TypeORM or by hand. */
const CHANGES_TENANTS = /^\s*(UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+[`"]?tenants[`"]?[\s(]/i;

/**
 * Each tenant's alert thresholds (low score, first-response SLA), which every ingest with a
 * score judges against: one read per tenant per TTL_MS instead of one per attendance (QUALITY P3).
 * Any write to tenants through this process clears it, at once and again at commit.
 */
@Injectable()
export class AlertThresholds implements OnModuleInit, EntitySubscriberInterface {
  private readonly cache = new Map<string, { settings: TenantSettings; expiresAt: number }>();
  /** Bumped by every clear, so a read that raced a write never caches what it saw before it. */
  private generation = 0;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  async of(tenantId: string): Promise<TenantSettings> {
    const cached = this.cache.get(tenantId);
    if (cached && cached.expiresAt > Date.now()) return cached.settings;
    const generation = this.generation;
    const [row] = await this.dataSource.query<{ settings: string | Partial<TenantSettings> | null }[]>('SELECT settings FROM tenants WHERE id = ?', [tenantId]);
    const stored = typeof row?.settings === 'string' ? (JSON.parse(row.settings) as Partial<TenantSettings>) : row?.settings;
    const settings = { ...DEFAULT_TENANT_SETTINGS, ...(stored ?? {}) };
    if (generation === this.generation) this.cache.set(tenantId, { settings, expiresAt: Date.now() + TTL_MS });
    return settings;
  }

  clear(): void {
    this.generation += 1;
    this.cache.clear();
  }

  afterQuery(event: AfterQueryEvent): void {
    if (!CHANGES_TENANTS.test(event.query)) return;
    this.clear();
    if (event.queryRunner?.isTransactionActive) afterCommit(event.queryRunner.manager, () => this.clear());
  }
}
