import { Role, TenantStatus } from '@fasto/contracts';
import { ForbiddenException, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthenticatedRequest, Principal } from '../auth/principal';
import { TenantContext } from '../tenancy/tenant-context';
import { clsStore } from '../tenancy/tenant-scope';
import { TenantGuard } from './tenant.guard';

const principal = (tenantStatus: TenantStatus): Principal => ({
  kind: 'user',
  userId: 'u1',
  email: 'u@x.io',
  tenantId: 'tenant-from-token',
  tenantStatus,
  role: Role.Admin,
  teamId: null,
  sessionId: null,
  impersonatorId: null,
});

const tenantContext = new TenantContext();

function run(request: Partial<AuthenticatedRequest>): Partial<AuthenticatedRequest> {
  const context = {
    getHandler: () => () => undefined,
    getClass: () => class {},
    getArgByIndex: () => request,
  } as unknown as ExecutionContext;
  // The request's store, as the context middleware opens it before the guards.
  clsStore().run(() => new TenantGuard(new Reflector(), tenantContext).canActivate(context));
  return request;
}

describe('TenantGuard', () => {
  it('takes the tenant from the verified principal, never from the request', () => {
    const request = run({ principal: principal(TenantStatus.Active), headers: { 'x-tenant-id': 'spoofed' }, query: { tenantId: 'spoofed' } } as never);
    expect(request.tenantId).toBe('tenant-from-token');
  });

  it('runs the rest of the request in the verified tenant scope', () => {
    const seen = clsStore().run(() => {
      const context = { getHandler: () => () => undefined, getClass: () => class {}, getArgByIndex: () => ({ principal: principal(TenantStatus.Active) }) };
      new TenantGuard(new Reflector(), tenantContext).canActivate(context as unknown as ExecutionContext);
      return tenantContext.tenant();
    });
    expect(seen).toMatchObject({ kind: 'tenant', tenantId: 'tenant-from-token', userId: 'u1', role: Role.Admin, impersonatorId: null });
  });

  it('refuses suspended and cancelled organizations with 403', () => {
    expect(() => run({ principal: principal(TenantStatus.Suspended) })).toThrow(ForbiddenException);
    expect(() => run({ principal: principal(TenantStatus.Cancelled) })).toThrow(ForbiddenException);
    expect(run({ principal: principal(TenantStatus.Trial) }).tenantId).toBe('tenant-from-token');
  });

  it('refuses a request no authentication ran for', () => {
    expect(() => run({})).toThrow(UnauthorizedException);
  });
});
