import type { OwnTenant } from '@fasto/contracts';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Equal, type DataSource } from 'typeorm';
import type { UserPrincipal } from '../../core/auth/principal';
import { DomainEvents } from '../../core/events/domain-events';
import { auditDiff } from '../audit/audit-diff';
import { AuditService } from '../audit/audit.service';
import type { RequestContext } from '../../core/http/request-context';
import type { UpdateOwnTenantDto } from './dto/update-own-tenant.dto';
import { Tenant } from './entities/tenant.entity';
import { mergeTenantChanges } from './tenant-changes';
import { toOwnTenant } from './tenant.mapper';

/** The caller's own organization: settings, branding, thresholds. */
@Injectable()
export class OwnTenantService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {}

  async get(tenantId: string): Promise<OwnTenant> {
    return toOwnTenant(await this.find(tenantId));
  }

  async update(principal: UserPrincipal, request: UpdateOwnTenantDto, context: RequestContext): Promise<OwnTenant> {
    await this.dataSource.transaction(async (manager) => {
      const tenant = await manager.getRepository(Tenant).findOneByOrFail({ id: Equal(principal.tenantId) });
      const changes = mergeTenantChanges(tenant, request);
      const diff = auditDiff(tenant, changes);
      if (Object.keys(diff).length === 0) return;
      await manager.getRepository(Tenant).update({ id: Equal(principal.tenantId) }, changes);
      await this.audit.record(
        {
          tenantId: principal.tenantId,
          actorId: principal.userId,
          impersonatorId: principal.impersonatorId,
          action: 'tenant.settings_updated',
          entity: 'tenant',
          entityId: principal.tenantId,
          changes: diff,
          ...context,
        },
        manager,
      );
    });
    const tenant = await this.get(principal.tenantId);
    if (request.timezone !== undefined) this.events.emit('tenant.timezone_changed', { tenantId: tenant.id, timezone: tenant.timezone });
    return tenant;
  }

  private async find(tenantId: string): Promise<Tenant> {
    const tenant = await this.dataSource.getRepository(Tenant).findOneBy({ id: Equal(tenantId) });
    if (!tenant) throw new NotFoundException('Tenant not found');
    return tenant;
  }
}
