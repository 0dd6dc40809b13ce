import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '../../../core/events/domain-events';
import { TenantContext } from '../../../core/tenancy/tenant-context';
import { TenantTimezones } from '../tenant-timezones';
import { RollupRebuildService } from './rollup-rebuild.service';

/** Rollup days are tenant-local: a new time zone means recounting the tenant's days. */
@Injectable()
export class TimezoneChangeListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly timezones: TenantTimezones,
    private readonly rebuild: RollupRebuildService,
    private readonly context: TenantContext,
  ) {}

  onModuleInit(): void {
    this.events.on('tenant.timezone_changed', async ({ tenantId }) => {
      this.timezones.forget(tenantId);
      await this.context.runInTenant(tenantId, () => this.rebuild.rebuild());
    });
  }
}
