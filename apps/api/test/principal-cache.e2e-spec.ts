import BetterSqlite3 from 'better-sqlite3';
import { createConnection } from 'mysql2/promise';
import { join } from 'node:path';
import { inOneTransaction } from '../src/core/database/transactions';
import { hashSecretToken } from '../src/core/auth/secret-token';
import { bearer, client, DEMO, login, type Client } from './support/auth-helpers';
import { startTestApp, type TestApp } from './support/test-app';

const CACHE_MS = 1500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Another instance's write: through its own connection, unseen by this process's cache. */
async function writeElsewhere(t: TestApp, sql: string, parameters: unknown[]): Promise<void> {
  if (t.database.databaseUrl) {
    const connection = await createConnection(t.database.databaseUrl);
    await connection.query(sql, parameters);
    await connection.end();
    return;
  }
  const db = new BetterSqlite3(join(t.database.dataDir, 'fasto.sqlite'));
  db.prepare(sql).run(...parameters);
  db.close();
}

describe('principal cache (PRINCIPAL_CACHE_MS)', () => {
  let t: TestApp;
  let agent: Client;
  const me = () => agent.get('/api/auth/me');

  beforeAll(async () => {
    t = await startTestApp({ seed: true, env: { PRINCIPAL_CACHE_MS: String(CACHE_MS) } });
    agent = await client(t, DEMO.agent);
  });
  afterAll(() => t.close());

  it('reuses a user’s state for a few seconds; a change made by another instance applies once it expires', async () => {
    await me().expect(200);
    await writeElsewhere(t, 'UPDATE users SET is_active = ? WHERE email = ?', [0, DEMO.agent]);
    await me().expect(200); // cached: no lookup for this request
    await sleep(CACHE_MS + 200);
    await me().expect(401);
    await writeElsewhere(t, 'UPDATE users SET is_active = ? WHERE email = ?', [1, DEMO.agent]);
    await sleep(CACHE_MS + 200);
    await me().expect(200);
  });

  it('refuses an access token once another instance revoked its session, within the cache lifetime', async () => {
    const session = await login(t, DEMO.manager);
    const me = () => t.http().get('/api/auth/me').set('authorization', bearer(session));
    await me().expect(200);
    const [{ familyId }] = await t.dataSource.query('SELECT family_id AS familyId FROM refresh_tokens WHERE token_hash = ?', [
      hashSecretToken(session.refreshToken),
    ]);
    await writeElsewhere(t, 'UPDATE refresh_tokens SET revoked_at = created_at WHERE family_id = ?', [familyId]);
    await sleep(CACHE_MS + 200);
    await me().expect(401);
  });

  it('forgets at once when this instance writes users or tenants, by the API or by hand', async () => {
    await me().expect(200);
    await t.dataSource.query('UPDATE users SET is_active = ? WHERE email = ?', [false, DEMO.agent]);
    await me().expect(401);
    await t.dataSource.query('UPDATE users SET is_active = ? WHERE email = ?', [true, DEMO.agent]);
    await me().expect(200);

    const admin = await client(t, DEMO.acmeAdmin);
    await admin.get('/api/auth/me').expect(200);
    const superAdmin = await client(t, DEMO.superAdmin);
    const acme = ((await superAdmin.get('/api/tenants?limit=200').expect(200)).body.items as { id: string; slug: string }[]).find(
      (tenant) => tenant.slug === 'acme',
    )!;
    // By hand: the console's suspension also ends every session, which would answer 401 by itself.
    await t.dataSource.query("UPDATE tenants SET status = 'suspended' WHERE id = ?", [acme.id]);
    await admin.get('/api/auth/me').expect(403);
    await t.dataSource.query("UPDATE tenants SET status = 'active' WHERE id = ?", [acme.id]);
    await admin.get('/api/auth/me').expect(200);
  });

  it('forgets at once when the write travels behind other statements in one round trip', async () => {
    await me().expect(200);
    await inOneTransaction(t.dataSource, [
      { sql: 'SELECT 1 AS one', params: [] },
      { sql: 'UPDATE users SET is_active = ? WHERE email = ?', params: [false, DEMO.agent] },
    ]);
    await me().expect(401);
    await t.dataSource.query('UPDATE users SET is_active = ? WHERE email = ?', [true, DEMO.agent]);
    await me().expect(200);
  });

  it('is not emptied by a sign-in, which only records the time of it', async () => {
    await me().expect(200);
    await writeElsewhere(t, 'UPDATE users SET is_active = ? WHERE email = ?', [0, DEMO.agent]);
    await login(t, DEMO.manager);
    await me().expect(200); // still cached: the manager's sign-in wrote users, but nothing the cache holds
    await writeElsewhere(t, 'UPDATE users SET is_active = ? WHERE email = ?', [1, DEMO.agent]);
  });
});
