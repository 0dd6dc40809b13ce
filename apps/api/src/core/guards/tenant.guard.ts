import { ErrorCode, TENANT_STATUSES_WITH_ACCESS } from '@fasto/contracts';
import { ForbiddenException, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { routeAccessOf } from '../access/route-access';
import type { AuthenticatedRequest } from '../auth/principal';
import { apiError } from '../errors/api-error';
import { TenantContext } from '../tenancy/tenant-context';

/**
 * Second global guard: which tenant. Taken from the verified principal only (never from a
 * header, the query or the body), and refused while the tenant is suspended or cancelled.
 * The rest of the request runs in that tenant's scope (`TenantContext`).
 */
@Injectable()
export class TenantGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly context: TenantContext,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (routeAccessOf(this.reflector, context).isPublic) return true;

    const request = context.getArgByIndex<AuthenticatedRequest>(0);
    const principal = request.principal;
    if (!principal) throw new UnauthorizedException(apiError(ErrorCode.InvalidAccessToken, 'Missing or invalid access token'));
    if (!TENANT_STATUSES_WITH_ACCESS.includes(principal.tenantStatus)) {
      throw new ForbiddenException(apiError(ErrorCode.TenantInactive, `This organization is ${principal.tenantStatus}; access is closed`));
    }
    request.tenantId = principal.tenantId;
    this.context.enterRequest(principal);
    return true;
  }
}
