import { ForbiddenException, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DENIED_UNDER_IMPERSONATION_KEY, INTEGRATION_ROUTE_KEY, IS_PUBLIC_KEY, ROLES_KEY, type RoleList } from '../access/access-metadata';
import type { AuthenticatedRequest } from '../auth/principal';

/**
 * Third global guard: may this caller use this route. Deny by default: a route that declares
 * no roles (and is neither public nor an integration route) is refused to everyone.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) return true;

    const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    const integrationRoute = this.reflector.getAllAndOverride<boolean>(INTEGRATION_ROUTE_KEY, targets) ?? false;
    if (principal?.kind === 'api_key' || integrationRoute) {
      if (principal?.kind === 'api_key' && integrationRoute) return true;
      throw new ForbiddenException(integrationRoute ? 'This route accepts tenant API keys only' : 'API keys are accepted on integration routes only');
    }

    const roles = this.reflector.getAllAndOverride<RoleList>(ROLES_KEY, targets);
    if (!roles || roles.length === 0) throw new ForbiddenException('This route declares no access');
    if (!principal || !roles.includes(principal.role)) throw new ForbiddenException('Your role may not do this');

    if (principal.impersonatorId && this.reflector.getAllAndOverride<boolean>(DENIED_UNDER_IMPERSONATION_KEY, targets)) {
      throw new ForbiddenException('Not allowed while impersonating');
    }
    return true;
  }
}
