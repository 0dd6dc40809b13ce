import { createParamDecorator, InternalServerErrorException, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest, UserPrincipal } from '../auth/principal';

const requestOf = (context: ExecutionContext) => context.switchToHttp().getRequest<AuthenticatedRequest>();

/**
 * The tenant id the TenantGuard resolved from the verified principal. Never falls back to
 * anything the client sent: if the guard did not run, this is a bug and the request fails.
 */
export const CurrentTenant = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const tenantId = requestOf(context).tenantId;
  if (!tenantId) throw new InternalServerErrorException('Tenant context missing');
  return tenantId;
});

/** The signed-in user of a request the guards let through; throws (500) when they did not set one. */
export function currentUserOf(request: AuthenticatedRequest): UserPrincipal {
  const principal = request.principal;
  if (principal?.kind !== 'user') throw new InternalServerErrorException('User principal missing');
  return principal;
}

/** The signed-in user (routes declared with `@Authorized`). */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): UserPrincipal => currentUserOf(requestOf(context)));
