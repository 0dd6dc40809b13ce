import { PrincipalsRepository } from '../src/core/auth/principals.repository';
import { NoSystemScopeError, TenantContext } from '../src/core/tenancy/tenant-context';
import { AccountsRepository } from '../src/modules/auth/accounts.repository';
import { ActionTokensRepository } from '../src/modules/auth/action-tokens.repository';
import { SessionsRepository } from '../src/modules/auth/sessions.repository';
import { ApiKeysRepository } from '../src/modules/integration/api-keys.repository';
import { TenantStatsRepository } from '../src/modules/tenants/tenant-stats.repository';
import { TenantsRepository } from '../src/modules/tenants/tenants.repository';
import { UsersRepository } from '../src/modules/users/users.repository';
import { DEMO, idOf } from './support/auth-helpers';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The cross-tenant lookups (login by e-mail, a token or an API key by its hash, a principal by
 * user id, the console, the sweeps) answer only inside a named system scope: a tenant's request
 * that reached one by mistake gets an error, not another tenant's row.
 */
describe('cross-tenant repository methods', () => {
  let t: TestApp;
  let demo: { id: string; tenantId: string };

  beforeAll(async () => {
    t = await startTestApp({ seed: true });
    demo = await idOf(t, DEMO.admin);
  });
  afterAll(() => t.close());

  const lookups = (): [string, () => Promise<unknown>][] => {
    const get = <T>(type: new (...args: never[]) => T) => t.app.get(type);
    const now = new Date();
    return [
      ['account by e-mail', () => get(AccountsRepository).byEmail(DEMO.admin)],
      ['super admin by id', () => get(AccountsRepository).superAdminById(demo.id)],
      ['tenant by id', () => get(AccountsRepository).tenantById(demo.tenantId)],
      ['who holds an e-mail', () => get(UsersRepository).tenantHoldingEmail(DEMO.admin)],
      ['refresh token by hash', () => get(SessionsRepository).byTokenHash('0'.repeat(64))],
      ['dead sessions', () => get(SessionsRepository).deadFamilies(now, now, 1)],
      ['emailed link by hash', () => get(ActionTokensRepository).anyByHash('0'.repeat(64), 'invite')],
      ['spent links', () => get(ActionTokensRepository).deleteSpent(new Date(0))],
      ['api key by hash', () => get(ApiKeysRepository).unrevokedByHash('0'.repeat(64))],
      ['principal by user id', () => get(PrincipalsRepository).byUserId(demo.id, demo.tenantId)],
      ['console list', () => get(TenantsRepository).page({}, { limit: 1 })],
      ['console tenant', () => get(TenantsRepository).manageable(demo.tenantId)],
      ['ending trials', () => get(TenantsRepository).trialsEnding(null, now)],
      ['console figures', () => get(TenantStatsRepository).overview()],
    ];
  };

  it('refuse to run in a tenant scope', async () => {
    const context = t.app.get(TenantContext);
    for (const [what, lookup] of lookups()) {
      await expect(context.runInTenant(demo.tenantId, async () => lookup()).then(() => what)).rejects.toBeInstanceOf(NoSystemScopeError);
    }
  });

  it('answer in a named system scope', async () => {
    const context = t.app.get(TenantContext);
    for (const [what, lookup] of lookups()) {
      await expect(context.runAsSystem(`test: ${what}`, lookup).then(() => what)).resolves.toBe(what);
    }
    expect(await context.runAsSystem('test: login', () => t.app.get(AccountsRepository).byEmail(DEMO.admin))).toMatchObject({
      user: { id: demo.id },
      tenant: { id: demo.tenantId },
    });
  });
});
