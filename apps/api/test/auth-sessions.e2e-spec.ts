import { bearer, cookieHeader, DEMO, idOf, login, refresh, refreshCookieOf } from './support/auth-helpers';
import { startTestApp, type TestApp } from './support/test-app';

import { hashSecretToken } from '../src/core/auth/secret-token';
import { RefreshToken } from '../src/modules/auth/entities/refresh-token.entity';

/** Time travel for one stored refresh token (through the ORM so dates bind on both engines). */
const patchToken = (t: TestApp, token: string, changes: Partial<Pick<RefreshToken, 'revokedAt' | 'expiresAt' | 'sessionExpiresAt'>>) =>
  t.dataSource.getRepository(RefreshToken).update({ tokenHash: hashSecretToken(token) }, changes);
const storedToken = (t: TestApp, token: string) => t.dataSource.getRepository(RefreshToken).findOneByOrFail({ tokenHash: hashSecretToken(token) });

describe('auth: refresh sessions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ seed: true, env: { LOGIN_MAX_FAILURES_PER_ACCOUNT: '50', LOGIN_MAX_FAILURES_PER_IP: '500' } });
  });
  afterAll(() => t.close());

  it('rotates: a new access token and a new cookie; the old cookie is spent', async () => {
    const session = await login(t, DEMO.agent);
    const rotated = await refresh(t, session.refreshToken).expect(200);
    const successor = refreshCookieOf(rotated)!;
    expect(successor).toBeTruthy();
    expect(successor).not.toBe(session.refreshToken);
    expect(rotated.body).toMatchObject({ expiresIn: 900, user: { email: DEMO.agent } });
    await t.http().get('/api/auth/me').set('authorization', bearer(rotated.body.accessToken)).expect(200);
    // Presented again inside the race grace window: refused, but the family lives on.
    await refresh(t, session.refreshToken).expect(401);
    await refresh(t, successor).expect(200);
  });

  it('treats a replayed rotated token as theft: 401, whole family revoked, audited', async () => {
    const session = await login(t, DEMO.manager);
    const first = await refresh(t, session.refreshToken).expect(200);
    const successor = refreshCookieOf(first)!;
    // Move the rotation out of the grace window, as if the thief replays it later.
    await patchToken(t, session.refreshToken, { revokedAt: new Date(Date.now() - 5 * 60_000) });

    const replay = await refresh(t, session.refreshToken);
    expect(replay.status).toBe(401);
    expect(replay.body.message).toMatch(/used twice/);
    // The legitimate newer token dies with the family.
    await refresh(t, successor).expect(401);

    const manager = await idOf(t, DEMO.manager);
    const audit = await t.dataSource.query("SELECT action, actor_id AS actorId FROM audit_logs WHERE action = 'auth.refresh_token_reused'");
    expect(audit).toEqual([{ action: 'auth.refresh_token_reused', actorId: manager.id }]);
  });

  it('lets exactly one of 10 parallel refreshes of one token win, without revoking the family', async () => {
    const session = await login(t, DEMO.otherAgent);
    const responses = await Promise.all(Array.from({ length: 10 }, () => refresh(t, session.refreshToken)));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([200, ...Array(9).fill(401)]);
    const winner = responses.find((response) => response.status === 200)!;
    const { familyId } = await storedToken(t, session.refreshToken);
    expect(await t.dataSource.getRepository(RefreshToken).countBy({ familyId })).toBe(2);
    await refresh(t, refreshCookieOf(winner)!).expect(200);
  });

  it('logout ends the session at once and clears the cookie', async () => {
    const session = await login(t, DEMO.agent);
    const response = await t.http().post('/api/auth/logout').set('cookie', cookieHeader(session.refreshToken)).expect(204);
    expect(([] as string[]).concat(response.headers['set-cookie'])[0]).toMatch(/fasto_refresh=;.*Expires=Thu, 01 Jan 1970/);
    await refresh(t, session.refreshToken).expect(401);
    // The access token dies with its session, not 15 minutes later; the user's other sessions live on.
    await t.http().get('/api/auth/me').set('authorization', bearer(session)).expect(401);
    const other = await login(t, DEMO.agent);
    await t.http().get('/api/auth/me').set('authorization', bearer(other)).expect(200);
    // Logging out without a session is harmless.
    await t.http().post('/api/auth/logout').expect(204);
  });

  it('refuses refresh and logout from another site', async () => {
    const session = await login(t, DEMO.agent);
    await refresh(t, session.refreshToken).set('origin', 'https://evil.example').expect(403);
    await refresh(t, session.refreshToken).set('sec-fetch-site', 'cross-site').expect(403);
    await t.http().post('/api/auth/logout').set('cookie', cookieHeader(session.refreshToken)).set('origin', 'https://evil.example').expect(403);
    // The session survived the attempts; same-origin browsers are welcome.
    await refresh(t, session.refreshToken).set('origin', t.config.publicUrl).set('sec-fetch-site', 'same-origin').expect(200);
  });

  it('ends an idle session after 30 days, and any session at its absolute cap', async () => {
    const idle = await login(t, DEMO.agent);
    await patchToken(t, idle.refreshToken, { expiresAt: new Date(Date.now() - 1000) });
    await refresh(t, idle.refreshToken).expect(401);

    const capped = await login(t, DEMO.agent);
    await patchToken(t, capped.refreshToken, { sessionExpiresAt: new Date(Date.now() - 1000) });
    await refresh(t, capped.refreshToken).expect(401);
  });

  it('slides the expiry by 30 days but never past the absolute cap', async () => {
    const session = await login(t, DEMO.agent);
    const cap = new Date(Date.now() + 2 * 86_400_000);
    cap.setMilliseconds(0);
    await patchToken(t, session.refreshToken, { sessionExpiresAt: cap });
    const rotated = await refresh(t, session.refreshToken).expect(200);
    const successor = await storedToken(t, refreshCookieOf(rotated)!);
    expect(Math.abs(successor.expiresAt.getTime() - cap.getTime())).toBeLessThan(1000);

    const fresh = await login(t, DEMO.manager);
    const slid = await refresh(t, fresh.refreshToken).expect(200);
    const slidRow = await storedToken(t, refreshCookieOf(slid)!);
    expect(slidRow.expiresAt.getTime() - Date.now()).toBeGreaterThan(29.9 * 86_400_000);
  });

  it('a deactivated user loses refresh and access at once', async () => {
    const session = await login(t, 'elisa@demo.fasto.app');
    const elisa = await idOf(t, 'elisa@demo.fasto.app');
    await t.dataSource.query('UPDATE users SET is_active = 0 WHERE id = ?', [elisa.id]);
    await t.http().get('/api/auth/me').set('authorization', bearer(session)).expect(401);
    await refresh(t, session.refreshToken).expect(401);
  });

  it('a suspended organization loses refresh (401) and access (403) at once', async () => {
    const session = await login(t, DEMO.acmeAdmin);
    await t.dataSource.query("UPDATE tenants SET status = 'suspended' WHERE slug = 'acme'");
    try {
      const denied = await t.http().get('/api/auth/me').set('authorization', bearer(session)).expect(403);
      expect(denied.body.message).toMatch(/suspended/);
      await refresh(t, session.refreshToken).expect(401);
    } finally {
      await t.dataSource.query("UPDATE tenants SET status = 'active' WHERE slug = 'acme'");
    }
    // The refresh failure revoked the family: reactivation does not bring it back.
    await refresh(t, session.refreshToken).expect(401);
  });

  it('lists the caller’s own sessions and revokes one by id (another user’s id answers 404)', async () => {
    const phone = await login(t, 'diego@demo.fasto.app');
    const laptop = await login(t, 'diego@demo.fasto.app');
    const list = await t.http().get('/api/auth/sessions').set('authorization', bearer(laptop)).expect(200);
    expect(list.body.nextCursor).toBeNull();
    expect(list.body.items).toHaveLength(2);
    const current = list.body.items.find((item: { current: boolean }) => item.current);
    expect(current).toMatchObject({
      ip: expect.any(String),
      userAgent: null,
      device: 'Unknown device',
      browser: null,
      system: null,
      createdAt: expect.any(String),
      lastUsedAt: expect.any(String),
    });
    const other = list.body.items.find((item: { current: boolean }) => !item.current);

    const stranger = await login(t, DEMO.agent);
    await t.http().delete(`/api/auth/sessions/${other.id}`).set('authorization', bearer(stranger)).expect(404);
    await t.http().get('/api/auth/me').set('authorization', bearer(phone)).expect(200);
    await t.http().delete(`/api/auth/sessions/${other.id}`).set('authorization', bearer(laptop)).expect(204);
    await refresh(t, phone.refreshToken).expect(401);
    await t.http().get('/api/auth/me').set('authorization', bearer(phone)).expect(401);
    await t.http().get('/api/auth/me').set('authorization', bearer(laptop)).expect(200);
    await refresh(t, laptop.refreshToken).expect(200);
    await t.http().delete('/api/auth/sessions/not-a-uuid').set('authorization', bearer(laptop)).expect(400);
  });
});
