import type { OwnTenant } from '@fasto/contracts';
import { Injectable, NotFoundException } from '@nestjs/common';
import type { UserPrincipal } from '../../core/auth/principal';
import { Transactions } from '../../core/database/transactions';
import { DomainEvents } from '../../core/events/domain-events';
import { auditDiff } from '../audit/audit-diff';
import { AuditService } from '../audit/audit.service';
import type { RequestContext } from '../../core/http/request-context';
import type { UpdateOwnTenantDto } from './dto/update-own-tenant.dto';
import type { Tenant } from './entities/tenant.entity';
import { mergeTenantChanges } from './tenant-changes';
import { toOwnTenant } from './tenant.mapper';
import { TenantsRepository } from './tenants.repository';

/** The caller's own organization (the request's tenant): settings, branding, thresholds. */
@Injectable()
export class OwnTenantService {
  constructor(
    private readonly tenants: TenantsRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {}

  async get(): Promise<OwnTenant> {
    return toOwnTenant(await this.find());
  }

  async update(principal: UserPrincipal, request: UpdateOwnTenantDto, context: RequestContext): Promise<OwnTenant> {
    await this.transactions.run(async () => {
      const tenant = await this.find();
      const changes = mergeTenantChanges(tenant, request);
      const diff = auditDiff(tenant, changes);
      if (Object.keys(diff).length === 0) return;
      await this.tenants.updateCurrent(changes);
      await this.audit.record({
        tenantId: principal.tenantId,
        actorId: principal.userId,
        impersonatorId: principal.impersonatorId,
        action: 'tenant.settings_updated',
        entity: 'tenant',
        entityId: principal.tenantId,
        changes: diff,
        ...context,
      });
    });
    const tenant = await this.get();
    if (request.timezone !== undefined) this.events.emit('tenant.timezone_changed', { tenantId: tenant.id, timezone: tenant.timezone });
    if (request.settings !== undefined) this.events.emit('tenant.settings_changed', { tenantId: tenant.id });
    return tenant;
  }

  private async find(): Promise<Tenant> {
    const tenant = await this.tenants.current();
    if (!tenant) throw new NotFoundException('Tenant not found');
    return tenant;
  }
}
