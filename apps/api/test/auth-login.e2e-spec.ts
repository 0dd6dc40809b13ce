import { REFRESH_COOKIE_NAME } from '@fasto/contracts';
import { bearer, DEMO, idOf, login, refreshCookieOf } from './support/auth-helpers';
import { startTestApp, type TestApp } from './support/test-app';

describe('auth: sign-in', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ seed: true, env: { LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_FAILURES_PER_IP: '8', LOGIN_THROTTLE_WINDOW_SECONDS: '600' } });
  });
  afterAll(() => t.close());
  // Each test starts with clean throttling counters (they are per account and per IP).
  beforeEach(() => t.dataSource.query('DELETE FROM rate_limit_counters'));

  it('answers a 15-minute access token and the refresh token in a locked-down cookie', async () => {
    const response = await t.http().post('/api/auth/login').send({ email: 'Admin@Demo.Fasto.App ', password: t.config.demoPassword });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ expiresIn: 900, user: { email: DEMO.admin, role: 'admin', tenantName: 'Demo' } });
    expect(JSON.stringify(response.body)).not.toMatch(/passwordHash|password_hash|\$argon2/);
    const cookie = ([] as string[]).concat(response.headers['set-cookie']).find((line) => line.startsWith(`${REFRESH_COOKIE_NAME}=`))!;
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\/api\/auth/);
    expect(cookie).not.toMatch(/; Secure/);
    expect(response.headers['cache-control']).toBe('no-store');

    const me = await t.http().get('/api/auth/me').set('authorization', bearer(response.body.accessToken)).expect(200);
    expect(me.body).toMatchObject({ user: { email: DEMO.admin }, impersonator: null });
  });

  it('stores only a hash of the refresh token', async () => {
    const session = await login(t, DEMO.manager);
    const rows: Record<string, unknown>[] = await t.dataSource.query('SELECT * FROM refresh_tokens');
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(session.refreshToken);
  });

  it('records a sign-in with all its writes or none: time, cleared failures, session, audit entry', async () => {
    const manager = await idOf(t, DEMO.manager);
    const state = async () => {
      const [user] = await t.dataSource.query('SELECT last_login_at AS at FROM users WHERE id = ?', [manager.id]);
      const [{ sessions }] = await t.dataSource.query('SELECT COUNT(*) AS sessions FROM refresh_tokens WHERE user_id = ?', [manager.id]);
      const [{ audited }] = await t.dataSource.query("SELECT COUNT(*) AS audited FROM audit_logs WHERE entity_id = ? AND action = 'auth.login'", [manager.id]);
      const [{ failures }] = await t.dataSource.query(
        "SELECT COUNT(*) AS failures FROM rate_limit_counters WHERE bucket = 'login:account:manager@demo.fasto.app'",
      );
      return { at: user.at === null ? null : String(user.at), sessions: Number(sessions), audited: Number(audited), failures: Number(failures) };
    };
    await t.dataSource.query('UPDATE users SET last_login_at = NULL WHERE id = ?', [manager.id]);
    await t.http().post('/api/auth/login').send({ email: DEMO.manager, password: 'wrong-password-1' }).expect(401);
    const before = await state();
    expect(before).toMatchObject({ at: null, failures: 1 });

    // The audit entry cannot be written: nothing else of the sign-in may stay.
    await t.dataSource.query('ALTER TABLE audit_logs RENAME TO audit_logs_away');
    try {
      const refused = await t.http().post('/api/auth/login').send({ email: DEMO.manager, password: t.config.demoPassword });
      expect(refused.status).toBe(500);
    } finally {
      await t.dataSource.query('ALTER TABLE audit_logs_away RENAME TO audit_logs');
    }
    expect(await state()).toEqual(before);

    await t.http().post('/api/auth/login').send({ email: DEMO.manager, password: t.config.demoPassword }).expect(200);
    const after = await state();
    expect(after).toMatchObject({ sessions: before.sessions + 1, audited: before.audited + 1, failures: 0 });
    expect(after.at).not.toBeNull();
  });

  it('answers an unknown email exactly like a wrong password', async () => {
    const unknown = await t.http().post('/api/auth/login').send({ email: 'nobody@demo.fasto.app', password: 'whatever-password' });
    const wrong = await t.http().post('/api/auth/login').send({ email: DEMO.agent, password: 'whatever-password' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(unknown.body).toEqual({ statusCode: 401, code: 'INVALID_CREDENTIALS', error: 'Invalid email or password', message: 'Invalid email or password' });
    expect(refreshCookieOf(wrong)).toBeNull();
  });

  it('spends about the same time on an unknown email as on a wrong password', async () => {
    const time = async (email: string) => {
      const started = process.hrtime.bigint();
      await t.http().post('/api/auth/login').send({ email, password: 'whatever-password' });
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const unknown: number[] = [];
    const wrong: number[] = [];
    for (let i = 0; i < 3; i++) {
      unknown.push(await time(`ghost${i}@demo.fasto.app`));
      wrong.push(await time(i === 0 ? DEMO.agent : i === 1 ? DEMO.manager : DEMO.otherAgent));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[1];
    // Both paths run one argon2id verification; without the decoy hash the unknown path is ~0 ms.
    expect(median(unknown) / median(wrong)).toBeGreaterThan(0.5);
    expect(median(unknown) / median(wrong)).toBeLessThan(2);
  });

  it('refuses a deactivated user with the same answer as a wrong password', async () => {
    const carla = await idOf(t, 'carla@demo.fasto.app');
    await t.dataSource.query('UPDATE users SET is_active = 0 WHERE id = ?', [carla.id]);
    const response = await t.http().post('/api/auth/login').send({ email: 'carla@demo.fasto.app', password: t.config.demoPassword });
    expect(response.status).toBe(401);
    expect(response.body.message).toBe('Invalid email or password');
  });

  it('closes a suspended organization (403), even with the right password', async () => {
    await t.dataSource.query("UPDATE tenants SET status = 'suspended' WHERE slug = 'acme'");
    try {
      const response = await t.http().post('/api/auth/login').send({ email: DEMO.acmeAdmin, password: t.config.demoPassword });
      expect(response.status).toBe(403);
      expect(response.body.message).toMatch(/suspended/);
    } finally {
      await t.dataSource.query("UPDATE tenants SET status = 'active' WHERE slug = 'acme'");
    }
  });

  it('throttles an account after repeated failures: 429 with Retry-After, even for the right password', async () => {
    for (let i = 0; i < 3; i++) {
      await t
        .http()
        .post('/api/auth/login')
        .send({ email: DEMO.manager, password: `wrong-${i}-password` })
        .expect(401);
    }
    const blocked = await t.http().post('/api/auth/login').send({ email: DEMO.manager, password: t.config.demoPassword });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(500);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(600);
    expect(blocked.body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_REQUESTS' });
    // Another account from another address is unaffected.
    await t.http().post('/api/auth/login').set('x-forwarded-for', '10.1.1.1').send({ email: DEMO.agent, password: t.config.demoPassword }).expect(200);

    // Once the window has passed an attempt is back: the right password works again.
    await t.dataSource.query('UPDATE rate_limit_counters SET refilled_at_ms = refilled_at_ms - 601000');
    await t.http().post('/api/auth/login').send({ email: DEMO.manager, password: t.config.demoPassword }).expect(200);
  });

  it('gives back one attempt per window after the limit, not the whole budget', async () => {
    const fail = () => t.http().post('/api/auth/login').send({ email: DEMO.manager, password: 'wrong-password-9' });
    for (let i = 0; i < 3; i++) expect((await fail()).status).toBe(401);
    expect((await fail()).status).toBe(429);
    await t.dataSource.query('UPDATE rate_limit_counters SET refilled_at_ms = refilled_at_ms - 601000');
    expect((await fail()).status).toBe(401);
    const blocked = await fail();
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(500);
  });

  it('throttles a client address that guesses across many accounts', async () => {
    for (let i = 0; i < 8; i++) {
      await t
        .http()
        .post('/api/auth/login')
        .send({ email: `guess${i}@demo.fasto.app`, password: 'wrong-password-1' })
        .expect(401);
    }
    const blocked = await t.http().post('/api/auth/login').send({ email: DEMO.agent, password: t.config.demoPassword });
    expect(blocked.status).toBe(429);
    expect(blocked.headers['retry-after']).toBeDefined();
  });

  it('ignores a spoofed X-Forwarded-For when no proxy is trusted', async () => {
    for (let i = 0; i < 8; i++) {
      await t
        .http()
        .post('/api/auth/login')
        .set('x-forwarded-for', `203.0.113.${i}`)
        .send({ email: `spoof${i}@demo.fasto.app`, password: 'wrong-password-1' })
        .expect(401);
    }
    await t.http().post('/api/auth/login').set('x-forwarded-for', '198.51.100.7').send({ email: DEMO.agent, password: t.config.demoPassword }).expect(429);
  });

  it('rejects malformed bodies with 400 and unknown fields (no mass assignment)', async () => {
    const response = await t.http().post('/api/auth/login').send({ email: DEMO.admin, password: 'x', tenantId: 'other' });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ field: 'tenantId', messages: ['property tenantId should not exist'] }]);
    await t.http().post('/api/auth/login').send({ email: 'not-an-email', password: 'x' }).expect(400);
    await t.http().post('/api/auth/login').send([]).expect(400);
  });
});

describe('auth: sign-in in production', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ seed: true, env: { NODE_ENV: 'production', SUPERADMIN_PASSWORD: 'Prod-superadmin-pass-1', SEED_DEMO: 'true' } });
  });
  afterAll(() => t.close());

  it('marks the refresh cookie Secure and sends HSTS', async () => {
    const response = await t.http().post('/api/auth/login').send({ email: DEMO.admin, password: t.config.demoPassword }).expect(200);
    const cookie = ([] as string[]).concat(response.headers['set-cookie']).find((line) => line.startsWith(`${REFRESH_COOKIE_NAME}=`))!;
    expect(cookie).toMatch(/; Secure/);
    expect(response.headers['strict-transport-security']).toMatch(/max-age=31536000/);
  });
});
