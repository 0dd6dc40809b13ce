import { NotFoundException } from '@nestjs/common';
import { NoTenantScopeError, TenantContext } from '../src/core/tenancy/tenant-context';
import { AccountsRepository } from '../src/modules/auth/accounts.repository';
import { SessionService } from '../src/modules/auth/services/session.service';
import { DEMO, idOf, login } from './support/auth-helpers';
import { startTestApp, type TestApp } from './support/test-app';

/** TypeORM's `findOneBy({ id: undefined })` returns the first row; every lookup here must not. */
describe('lookups with an undefined or null id', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ seed: true });
    await login(t, DEMO.admin);
  });
  afterAll(() => t.close());

  it.each([undefined, null])('finds no account for user id %p', async (missing) => {
    const { tenantId } = await idOf(t, DEMO.admin);
    const accounts = t.app.get(AccountsRepository);
    const context = t.app.get(TenantContext);
    expect(await context.runInTenant(tenantId, () => accounts.byId(missing as never))).toBeNull();
    // No tenant is no scope at all: the lookup cannot even start.
    expect(() => context.runInTenant(missing as never, () => accounts.byId(missing as never))).toThrow(NoTenantScopeError);
  });

  it.each([undefined, null])('revokes no session for session id %p', async (missing) => {
    const admin = await idOf(t, DEMO.admin);
    const sessions = t.app.get(SessionService);
    await expect(t.app.get(TenantContext).runInTenant(admin.tenantId, () => sessions.revokeOwn(admin.id, missing as never))).rejects.toBeInstanceOf(
      NotFoundException,
    );
    const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM refresh_tokens WHERE revoked_at IS NULL');
    expect(Number(n)).toBe(1);
  });
});
