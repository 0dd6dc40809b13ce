import type { ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { DENIED_UNDER_IMPERSONATION_KEY, INTEGRATION_ROUTE_KEY, IS_PUBLIC_KEY, ROLES_KEY, TV_BOARD_ROUTE_KEY, type RoleList } from './access-metadata';

/** Everything the global guards need to know about a route, as its decorators declared it. */
export interface RouteAccess {
  isPublic: boolean;
  integration: boolean;
  /** TV links' tokens are accepted here (and nowhere else). */
  tvBoard: boolean;
  roles: RoleList | undefined;
  deniedUnderImpersonation: boolean;
}

// Decorator metadata never changes after boot: read once per handler, not four reflect-metadata
// walks per guard per request (the unread-count poll is answered tens of thousands of times a minute).
const byClass = new WeakMap<object, WeakMap<object, RouteAccess>>();

export function routeAccessOf(reflector: Reflector, context: ExecutionContext): RouteAccess {
  const handler = context.getHandler();
  const controller = context.getClass();
  let byHandler = byClass.get(controller);
  if (!byHandler) byClass.set(controller, (byHandler = new WeakMap()));
  let access = byHandler.get(handler);
  if (!access) {
    const targets = [handler, controller];
    access = {
      isPublic: reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets) ?? false,
      integration: reflector.getAllAndOverride<boolean>(INTEGRATION_ROUTE_KEY, targets) ?? false,
      tvBoard: reflector.getAllAndOverride<boolean>(TV_BOARD_ROUTE_KEY, targets) ?? false,
      roles: reflector.getAllAndOverride<RoleList>(ROLES_KEY, targets),
      deniedUnderImpersonation: reflector.getAllAndOverride<boolean>(DENIED_UNDER_IMPERSONATION_KEY, targets) ?? false,
    };
    byHandler.set(handler, access);
  }
  return access;
}
