import type { TenantSettings } from '@fasto/contracts';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { BoundedCache } from '../../../core/cache/bounded-cache';
import { DomainEvents } from '../../../core/events/domain-events';
import { TenantContext } from '../../../core/tenancy/tenant-context';
import { effectiveSettings } from '../../tenants/tenant-settings';
import { TriggersRepository } from './triggers.repository';

/**
 * Each tenant's alert thresholds (low score, first-response SLA), which every ingest with a
 * score judges against: one read per tenant per TTL instead of one per attendance (QUALITY P3).
 * A change of a tenant's settings through this process forgets that tenant once it commits
 * (`tenant.settings_changed`, emitted by modules/tenants/own-tenant.service.ts and
 * tenants.service.ts); another instance's change applies within the TTL.
 */
@Injectable()
export class AlertThresholds implements OnModuleInit {
  private readonly cache = new BoundedCache<TenantSettings>({ name: 'alert thresholds by tenant', maxEntries: 10_000, ttlMs: 10_000 });

  constructor(
    private readonly reads: TriggersRepository,
    private readonly context: TenantContext,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.events.on('tenant.settings_changed', ({ tenantId }) => this.cache.forget(tenantId));
  }

  /** The current tenant's thresholds. */
  of(): Promise<TenantSettings> {
    return this.cache.through(this.context.tenantId(), async () => effectiveSettings((await this.reads.tenant())?.settings));
  }
}
