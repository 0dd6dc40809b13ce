import type { TenantSettings } from '@fasto/contracts';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { TableBackedCache } from '../../../core/database/table-backed-cache';
import { TenantContext } from '../../../core/tenancy/tenant-context';
import { effectiveSettings } from '../../tenants/tenant-settings';
import { TriggersRepository } from './triggers.repository';

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

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reads: TriggersRepository,
    private readonly context: TenantContext,
  ) {}

  onModuleInit(): void {
    this.cache.watch(this.dataSource, ['tenants']);
  }

  /** The current tenant's thresholds. */
  of(): Promise<TenantSettings> {
    return this.cache.through(this.context.tenantId(), async () => effectiveSettings((await this.reads.tenant())?.settings));
  }
}
