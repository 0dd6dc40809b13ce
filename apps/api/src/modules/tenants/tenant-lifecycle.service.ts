import { TenantStatus, type TenantDetail } from '@fasto/contracts';
import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Equal, type DataSource } from 'typeorm';
import type { UserPrincipal } from '../../core/auth/principal';
import { AuditService } from '../audit/audit.service';
import type { RequestContext } from '../../core/http/request-context';
import { SessionService } from '../auth/services/session.service';
import { Tenant } from './entities/tenant.entity';
import { TenantsService } from './tenants.service';

/** Which statuses each transition may start from. */
const TRANSITIONS: Record<'suspend' | 'reactivate' | 'cancel', { from: TenantStatus[]; to: TenantStatus }> = {
  suspend: { from: [TenantStatus.Trial, TenantStatus.Active], to: TenantStatus.Suspended },
  reactivate: { from: [TenantStatus.Trial, TenantStatus.Suspended, TenantStatus.Cancelled], to: TenantStatus.Active },
  cancel: { from: [TenantStatus.Trial, TenantStatus.Active, TenantStatus.Suspended], to: TenantStatus.Cancelled },
};

/**
 * trial → active | suspended | cancelled. Suspending or cancelling closes access at once: the
 * guards refuse the tenant's tokens and API keys on their next request, and sessions are revoked.
 */
@Injectable()
export class TenantLifecycleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tenants: TenantsService,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  async transition(principal: UserPrincipal, id: string, action: keyof typeof TRANSITIONS, context: RequestContext): Promise<TenantDetail> {
    const { from, to } = TRANSITIONS[action];
    await this.dataSource.transaction(async (manager) => {
      const tenant = await this.tenants.find(manager, id);
      if (!from.includes(tenant.status)) throw new ConflictException(`Cannot ${action} a tenant that is ${tenant.status}`);
      const changes: Partial<Tenant> = { status: to, ...(to === TenantStatus.Active ? { trialEndsAt: null } : {}) };
      await manager.getRepository(Tenant).update({ id: Equal(tenant.id) }, changes);
      await this.audit.record(
        {
          tenantId: tenant.id,
          actorId: principal.userId,
          impersonatorId: principal.impersonatorId,
          action: `tenant.${action === 'reactivate' ? 'reactivated' : action === 'suspend' ? 'suspended' : 'cancelled'}`,
          entity: 'tenant',
          entityId: tenant.id,
          changes: { status: { from: tenant.status, to } },
          ...context,
        },
        manager,
      );
    });
    if (to !== TenantStatus.Active) await this.sessions.revokeAllForTenant(id);
    return this.tenants.get(id);
  }
}
