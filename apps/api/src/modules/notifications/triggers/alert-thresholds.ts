import { DEFAULT_TENANT_SETTINGS, type TenantSettings } from '@fasto/contracts';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { onTableWrites } from '../../../core/database/table-writes';

/** How long another instance's change of a threshold may take to apply here. */
const TTL_MS = 10_000;

/**
 * Each tenant's alert thresholds (low score, first-response SLA), which every ingest with a
 * score judges against: one read per tenant per TTL_MS instead of one per attendance (QUALITY P3).
 * Any write to tenants through this process clears it, at once and again at commit.
 */
@Injectable()
export class AlertThresholds implements OnModuleInit {
  private readonly cache = new Map<string, { settings: TenantSettings; expiresAt: number }>();
  /** Bumped by every clear, so a read that raced a write never caches what it saw before it. */
  private generation = 0;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    onTableWrites(this.dataSource, ['tenants'], () => this.clear());
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
}
