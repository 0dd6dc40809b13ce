import type { TenantSettings } from '@fasto/contracts';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { BoundedCache } from '../../../core/cache/bounded-cache';
import { onTableWrites } from '../../../core/database/table-writes';
import { DomainEvents } from '../../../core/events/domain-events';
import { TenantContext } from '../../../core/tenancy/tenant-context';
import { effectiveSettings } from '../../tenants/tenant-settings';
import { TriggersRepository } from './triggers.repository';

/**
 * Each tenant's alert thresholds (low score, first-response SLA), which every ingest with a
 * score judges against: one read per tenant per TTL instead of one per attendance (QUALITY P3).
 * A change of a tenant's settings through this process forgets that tenant once it commits
 * (`tenant.settings_changed`); another instance's change applies within the TTL.
 */
@Injectable()
export class AlertThresholds implements OnModuleInit {
  private readonly cache = new BoundedCache<TenantSettings>({ name: 'alert thresholds by tenant', maxEntries: 10_000, ttlMs: 10_000 });

  constructor(
    private readonly reads: TriggersRepository,
    private readonly context: TenantContext,
    private readonly events: DomainEvents,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.events.on('tenant.settings_changed', ({ tenantId }) => this.cache.forget(tenantId));
    // Until the tenant services emit `tenant.settings_changed` (modules/tenants/own-tenant.service.ts
    // and tenants.service.ts), any write to tenants through this process still empties the cache.
    onTableWrites(this.dataSource, ['tenants'], () => this.cache.clear());
  }

  /** The current tenant's thresholds. */
  of(): Promise<TenantSettings> {
    return this.cache.through(this.context.tenantId(), async () => effectiveSettings((await this.reads.tenant())?.settings));
  }
}
