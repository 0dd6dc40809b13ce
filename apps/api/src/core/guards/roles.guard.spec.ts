import { Role, TenantStatus } from '@fasto/contracts';
import { ForbiddenException, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DENIED_UNDER_IMPERSONATION_KEY, INTEGRATION_ROUTE_KEY, IS_PUBLIC_KEY, ROLES_KEY } from '../access/access-metadata';
import type { Principal } from '../auth/principal';
import { RolesGuard } from './roles.guard';

const user = (role: Role, impersonatorId: string | null = null): Principal => ({
  kind: 'user',
  userId: 'u1',
  email: 'u@x.io',
  tenantId: 't1',
  tenantStatus: TenantStatus.Active,
  role,
  teamId: null,
  sessionId: null,
  impersonatorId,
});
const apiKey: Principal = { kind: 'api_key', apiKeyId: 'k1', tenantId: 't1', tenantStatus: TenantStatus.Active };

function contextFor(metadata: Record<string, unknown>, principal?: Principal): ExecutionContext {
  const handler = () => undefined;
  for (const [key, value] of Object.entries(metadata)) SetMetadata(key, value)(handler as never, undefined as never, { value: handler } as never);
  class Controller {}
  return {
    getHandler: () => handler,
    getClass: () => Controller,
    getArgByIndex: () => ({ principal }),
  } as unknown as ExecutionContext;
}

const guard = new RolesGuard(new Reflector());
const allows = (metadata: Record<string, unknown>, principal?: Principal) => guard.canActivate(contextFor(metadata, principal));

describe('RolesGuard', () => {
  it('refuses a route that declares no access, whoever calls (deny by default)', () => {
    for (const role of Object.values(Role)) expect(() => allows({}, user(role))).toThrow(ForbiddenException);
    expect(() => allows({ [ROLES_KEY]: [] }, user(Role.SuperAdmin))).toThrow('This route declares no access');
  });

  it('lets public routes through without a principal', () => {
    expect(allows({ [IS_PUBLIC_KEY]: true })).toBe(true);
  });

  it('allows exactly the declared roles', () => {
    const metadata = { [ROLES_KEY]: [Role.Admin, Role.Manager] };
    expect(allows(metadata, user(Role.Admin))).toBe(true);
    expect(allows(metadata, user(Role.Manager))).toBe(true);
    expect(() => allows(metadata, user(Role.Agent))).toThrow(ForbiddenException);
    expect(() => allows(metadata, user(Role.SuperAdmin))).toThrow(ForbiddenException);
  });

  it('keeps API keys on integration routes and users off them', () => {
    expect(allows({ [INTEGRATION_ROUTE_KEY]: true }, apiKey)).toBe(true);
    expect(() => allows({ [INTEGRATION_ROUTE_KEY]: true }, user(Role.Admin))).toThrow('This route accepts tenant API keys only');
    expect(() => allows({ [ROLES_KEY]: [Role.Admin] }, apiKey)).toThrow('API keys are accepted on integration routes only');
  });

  it('refuses routes marked off-limits to impersonation tokens', () => {
    const metadata = { [ROLES_KEY]: [Role.Admin], [DENIED_UNDER_IMPERSONATION_KEY]: true };
    expect(allows(metadata, user(Role.Admin))).toBe(true);
    expect(() => allows(metadata, user(Role.Admin, 'super-1'))).toThrow('Not allowed while impersonating');
  });
});
