import { DEFAULT_TENANT_TIMEZONE } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import { BoundedCache } from '../../core/cache/bounded-cache';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { TenantTimezoneRepository } from './tenant-timezone.repository';

/** The current tenant's time zone: every ingest, list and dashboard needs it, and it almost never changes. */
@Injectable()
export class TenantTimezones {
  /**
   * Spares ingest a tenants read per call. A change made here is forgotten at once
   * (rollups/timezone-change.listener.ts); one made by another instance shows within the TTL.
   */
  private readonly cache = new BoundedCache<string>({ name: 'time zone by tenant id', maxEntries: 10_000, ttlMs: 60_000 });

  constructor(
    private readonly repository: TenantTimezoneRepository,
    private readonly context: TenantContext,
  ) {}

  async current(): Promise<string> {
    return this.cache.through(this.context.tenantId(), async () => (await this.repository.currentTimeZone()) ?? DEFAULT_TENANT_TIMEZONE);
  }

  /** Called when the tenant's time zone changed. */
  forget(tenantId: string): void {
    this.cache.forget(tenantId);
  }
}
