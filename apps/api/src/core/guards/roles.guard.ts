import { ErrorCode } from '@fasto/contracts';
import { ForbiddenException, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { routeAccessOf } from '../access/route-access';
import type { AuthenticatedRequest } from '../auth/principal';
import { apiError } from '../errors/api-error';

/**
 * Third global guard: may this caller use this route. Deny by default: a route that declares
 * no roles (and is neither public nor an integration route) is refused to everyone; a TV link's
 * token passes on the TV board's routes only.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const access = routeAccessOf(this.reflector, context);
    if (access.isPublic) return true;

    const principal = context.getArgByIndex<AuthenticatedRequest>(0).principal;
    const integrationRoute = access.integration;
    if (principal?.kind === 'api_key' || integrationRoute) {
      if (principal?.kind === 'api_key' && integrationRoute) return true;
      throw new ForbiddenException(integrationRoute ? 'This route accepts tenant API keys only' : 'API keys are accepted on integration routes only');
    }

    // A TV link is read-only and opens the board's routes only; there it needs no role.
    if (principal?.kind === 'tv_link') {
      if (access.tvBoard) return true;
      throw new ForbiddenException('TV links open the TV board only');
    }

    const roles = access.roles;
    if (!roles || roles.length === 0) throw new ForbiddenException('This route declares no access');
    if (!principal || !roles.includes(principal.role)) throw new ForbiddenException('Your role may not do this');

    if (principal.impersonatorId && access.deniedUnderImpersonation) {
      throw new ForbiddenException(apiError(ErrorCode.NotAllowedWhileImpersonating, 'Not allowed while impersonating'));
    }
    return true;
  }
}
