import { ErrorCode, Role, SYSTEM_TENANT_SLUG, type TokenResponse } from '@fasto/contracts';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Equal, type DataSource } from 'typeorm';
import { AccessTokenService } from '../../../core/auth/access-token.service';
import type { UserPrincipal } from '../../../core/auth/principal';
import { AuditService } from '../../audit/audit.service';
import { Tenant } from '../../tenants/entities/tenant.entity';
import { User } from '../../users/entities/user.entity';
import { toAuthUser, toImpersonator } from '../auth-user.mapper';
import type { RequestContext } from '../../../core/http/request-context';
import { tenantHasAccess } from './account-lookup.service';
import { apiError } from '../../../core/errors/api-error';

/** "God mode": a super admin acts as a tenant's first active admin for up to an hour. */
@Injectable()
export class ImpersonationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: AccessTokenService,
    private readonly audit: AuditService,
  ) {}

  async start(superAdmin: UserPrincipal, tenantId: string, context: RequestContext): Promise<TokenResponse> {
    const tenant = await this.dataSource.getRepository(Tenant).findOneBy({ id: Equal(tenantId) });
    if (!tenant || tenant.slug === SYSTEM_TENANT_SLUG) throw new NotFoundException('Tenant not found');
    if (!tenantHasAccess(tenant)) throw new ConflictException(apiError(ErrorCode.TenantInactive, `This organization is ${tenant.status}; reactivate it first`));
    const admin = await this.dataSource.getRepository(User).findOne({
      where: { tenantId: Equal(tenant.id), role: Role.Admin, isActive: true },
      order: { createdAt: 'ASC', email: 'ASC' },
    });
    if (!admin) throw new ConflictException('This organization has no active admin to act as');
    const impersonator = await this.dataSource.getRepository(User).findOneByOrFail({ id: Equal(superAdmin.userId), tenantId: Equal(superAdmin.tenantId) });

    const access = await this.tokens.signImpersonation({ sub: admin.id, tid: tenant.id, imp: impersonator.id });
    await this.audit.record({
      tenantId: tenant.id,
      actorId: admin.id,
      impersonatorId: impersonator.id,
      action: 'impersonation.started',
      entity: 'tenant',
      entityId: tenant.id,
      ...context,
    });
    return { ...access, user: toAuthUser(admin, tenant), impersonator: toImpersonator(impersonator) };
  }
}
