import { Role, TenantStatus } from '@fasto/contracts';
import { ForbiddenException, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthenticatedRequest, Principal } from '../auth/principal';
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

function run(request: Partial<AuthenticatedRequest>): Partial<AuthenticatedRequest> {
  const context = {
    getHandler: () => () => undefined,
    getClass: () => class {},
    getArgByIndex: () => request,
  } as unknown as ExecutionContext;
  new TenantGuard(new Reflector()).canActivate(context);
  return request;
}

describe('TenantGuard', () => {
  it('takes the tenant from the verified principal, never from the request', () => {
    const request = run({ principal: principal(TenantStatus.Active), headers: { 'x-tenant-id': 'spoofed' }, query: { tenantId: 'spoofed' } } as never);
    expect(request.tenantId).toBe('tenant-from-token');
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
