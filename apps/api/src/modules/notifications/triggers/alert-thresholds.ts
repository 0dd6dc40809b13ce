import type { TenantSettings } from '@fasto/contracts';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Equal, type DataSource } from 'typeorm';
import { TableBackedCache } from '../../../core/database/table-backed-cache';
import { Tenant } from '../../tenants/entities/tenant.entity';
import { effectiveSettings } from '../../tenants/tenant-settings';

/** How long another instance's change of a threshold may take to apply here. */
const TTL_MS = 10_000;

/**
 * Each tenant's alert thresholds (low score, first-response SLA), which every ingest with a
 * score judges against: one read per tenant per TTL_MS instead of one per attendance (QUALITY P3).
 * Any write to tenants through this process clears it, at once and again at commit.
 */
@Injectable()
export class AlertThresholds implements OnModuleInit {
  private readonly cache = new TableBackedCache<TenantSettings>(TTL_MS);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.cache.watch(this.dataSource, ['tenants']);
  }

  of(tenantId: string): Promise<TenantSettings> {
    return this.cache.through(tenantId, async () => {
      const tenant = await this.dataSource.getRepository(Tenant).findOne({ select: { id: true, settings: true }, where: { id: Equal(tenantId) } });
      return effectiveSettings(tenant?.settings);
    });
  }
}
