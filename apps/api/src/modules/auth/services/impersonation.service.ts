import { ErrorCode, SYSTEM_TENANT_SLUG, type TokenResponse } from '@fasto/contracts';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { AccessTokenService } from '../../../core/auth/access-token.service';
import type { UserPrincipal } from '../../../core/auth/principal';
import { AuditService } from '../../audit/audit.service';
import { TenantContext } from '../../../core/tenancy/tenant-context';
import { AccountsRepository, tenantHasAccess } from '../accounts.repository';
import { toAuthUser, toImpersonator } from '../auth-user.mapper';
import type { RequestContext } from '../../../core/http/request-context';
import { apiError } from '../../../core/errors/api-error';

/** "God mode": a super admin acts as a tenant's first active admin for up to an hour. */
@Injectable()
export class ImpersonationService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly context: TenantContext,
    private readonly tokens: AccessTokenService,
    private readonly audit: AuditService,
  ) {}

  async start(superAdmin: UserPrincipal, tenantId: string, context: RequestContext): Promise<TokenResponse> {
    // The super admin, from their own (the request's) tenant.
    const impersonator = await this.accounts.byId(superAdmin.userId);
    if (!impersonator) throw new NotFoundException('User not found');
    const tenant = await this.context.runAsSystem('console: the tenant to impersonate', () => this.accounts.tenantById(tenantId));
    if (!tenant || tenant.slug === SYSTEM_TENANT_SLUG) throw new NotFoundException('Tenant not found');
    if (!tenantHasAccess(tenant)) throw new ConflictException(apiError(ErrorCode.TenantInactive, `This organization is ${tenant.status}; reactivate it first`));
    const admin = await this.context.runInTenant(tenant.id, () => this.accounts.firstActiveAdmin());
    if (!admin) throw new ConflictException('This organization has no active admin to act as');

    const access = await this.tokens.signImpersonation({ sub: admin.user.id, tid: tenant.id, imp: impersonator.user.id });
    await this.audit.record({
      tenantId: tenant.id,
      actorId: admin.user.id,
      impersonatorId: impersonator.user.id,
      action: 'impersonation.started',
      entity: 'tenant',
      entityId: tenant.id,
      ...context,
    });
    return { ...access, user: toAuthUser(admin.user, tenant), impersonator: toImpersonator(impersonator.user) };
  }
}
