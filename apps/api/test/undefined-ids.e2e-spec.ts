import { NotFoundException } from '@nestjs/common';
import { AccountLookupService } from '../src/modules/auth/services/account-lookup.service';
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
    const accounts = t.app.get(AccountLookupService);
    expect(await accounts.byId(tenantId, missing as never)).toBeNull();
    expect(await accounts.byId(missing as never, missing as never)).toBeNull();
  });

  it.each([undefined, null])('revokes no session for session id %p', async (missing) => {
    const admin = await idOf(t, DEMO.admin);
    await expect(t.app.get(SessionService).revokeOwn(admin.tenantId, admin.id, missing as never)).rejects.toBeInstanceOf(NotFoundException);
    const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM refresh_tokens WHERE revoked_at IS NULL');
    expect(Number(n)).toBe(1);
  });
});
