import { TenantStatus, type TenantDetail } from '@fasto/contracts';
import { ConflictException, Injectable } from '@nestjs/common';
import type { UserPrincipal } from '../../core/auth/principal';
import { Transactions } from '../../core/database/transactions';
import type { RequestContext } from '../../core/http/request-context';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { AuditService } from '../audit/audit.service';
import { SessionService } from '../auth/services/session.service';
import type { Tenant } from './entities/tenant.entity';
import { TenantsRepository } from './tenants.repository';
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
    private readonly tenants: TenantsService,
    private readonly rows: TenantsRepository,
    private readonly sessions: SessionService,
    private readonly context: TenantContext,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  async transition(principal: UserPrincipal, id: string, action: keyof typeof TRANSITIONS, context: RequestContext): Promise<TenantDetail> {
    const { from, to } = TRANSITIONS[action];
    await this.context.runAsSystem(`console: ${action} a tenant`, () =>
      this.transactions.run(async () => {
        const tenant = await this.tenants.find(id);
        if (!from.includes(tenant.status)) throw new ConflictException(`Cannot ${action} a tenant that is ${tenant.status}`);
        const changes: Partial<Tenant> = { status: to, ...(to === TenantStatus.Active ? { trialEndsAt: null } : {}) };
        await this.rows.update(tenant.id, changes);
        await this.audit.record({
          tenantId: tenant.id,
          actorId: principal.userId,
          impersonatorId: principal.impersonatorId,
          action: `tenant.${action === 'reactivate' ? 'reactivated' : action === 'suspend' ? 'suspended' : 'cancelled'}`,
          entity: 'tenant',
          entityId: tenant.id,
          changes: { status: { from: tenant.status, to } },
          ...context,
        });
      }),
    );
    if (to !== TenantStatus.Active) await this.context.runInTenant(id, () => this.sessions.revokeAllForTenant());
    return this.tenants.get(id);
  }
}
