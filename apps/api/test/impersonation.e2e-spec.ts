import { decode } from 'jsonwebtoken';
import { bearer, DEMO, idOf, login, refreshCookieOf } from './support/auth-helpers';
import { startTestApp, type TestApp } from './support/test-app';

describe('impersonation', () => {
  let t: TestApp;
  let demoTenantId: string;

  beforeAll(async () => {
    t = await startTestApp({ seed: true });
    demoTenantId = (await idOf(t, DEMO.admin)).tenantId;
  });
  afterAll(() => t.close());

  const impersonate = async () => {
    const superAdmin = await login(t, DEMO.superAdmin);
    const response = await t.http().post(`/api/impersonate/${demoTenantId}`).set('authorization', bearer(superAdmin)).expect(200);
    return { superAdmin, response };
  };

  it('gives a super admin a ≤ 1 h token acting as the tenant admin, with no refresh cookie', async () => {
    const { superAdmin, response } = await impersonate();
    expect(response.body).toMatchObject({ expiresIn: 3600, user: { email: DEMO.admin, role: 'admin' }, impersonator: { email: DEMO.superAdmin } });
    expect(refreshCookieOf(response)).toBeNull();
    const claims = decode(response.body.accessToken) as { exp: number; iat: number; imp: string; typ: string; sid?: string };
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(3600);
    expect(claims).toMatchObject({ typ: 'impersonation', imp: superAdmin.body.user.id });
    expect(claims.sid).toBeUndefined();

    const me = await t.http().get('/api/auth/me').set('authorization', bearer(response.body.accessToken)).expect(200);
    expect(me.body).toMatchObject({ user: { email: DEMO.admin }, impersonator: { id: superAdmin.body.user.id } });
  });

  it('audits the start with both ids', async () => {
    const { superAdmin } = await impersonate();
    const admin = await idOf(t, DEMO.admin);
    const rows = await t.dataSource.query(
      "SELECT tenant_id AS tenantId, actor_id AS actorId, impersonator_id AS impersonatorId FROM audit_logs WHERE action = 'impersonation.started'",
    );
    expect(rows).toContainEqual({ tenantId: demoTenantId, actorId: admin.id, impersonatorId: superAdmin.body.user.id });
  });

  it('cannot impersonate again, change credentials, or be refreshed', async () => {
    const { response } = await impersonate();
    const token = bearer(response.body.accessToken);
    await t.http().post(`/api/impersonate/${demoTenantId}`).set('authorization', token).expect(403);
    const change = await t
      .http()
      .post('/api/auth/password/change')
      .set('authorization', token)
      .send({ currentPassword: 'x', newPassword: 'Another-good-phrase-7' })
      .expect(403);
    expect(change.body.message).toMatch(/impersonat/);
    await t.http().post('/api/auth/refresh').expect(204); // no refresh cookie: no session to renew
  });

  it('never creates or promotes an admin, so no account outlives the one-hour token; the rest works and is audited', async () => {
    const { superAdmin, response } = await impersonate();
    const token = bearer(response.body.accessToken);
    const refused = await t
      .http()
      .post('/api/users')
      .set('authorization', token)
      .send({ email: 'mine@attacker.example', fullName: 'Mine', role: 'admin' })
      .expect(403);
    expect(refused.body.code).toBe('NOT_ALLOWED_WHILE_IMPERSONATING');
    expect(await t.dataSource.query("SELECT id FROM users WHERE email = 'mine@attacker.example'")).toEqual([]);

    const manager = await idOf(t, DEMO.manager);
    await t.http().patch(`/api/users/${manager.id}`).set('authorization', token).send({ role: 'admin' }).expect(403);
    const [{ role }] = await t.dataSource.query('SELECT role FROM users WHERE id = ?', [manager.id]);
    expect(role).toBe('manager');

    // Everything else stays possible, with the super admin in the audit trail.
    const agent = await t
      .http()
      .post('/api/users')
      .set('authorization', token)
      .send({ email: 'novo@demo.fasto.app', fullName: 'Novo Atendente', role: 'agent' })
      .expect(201);
    await t.http().patch(`/api/users/${manager.id}`).set('authorization', token).send({ phone: '+55 11 98888-7777' }).expect(200);
    const rows = await t.dataSource.query("SELECT impersonator_id AS impersonatorId FROM audit_logs WHERE action = 'user.created' AND entity_id = ?", [
      agent.body.id,
    ]);
    expect(rows).toEqual([{ impersonatorId: superAdmin.body.user.id }]);
  });

  it('audits every write attempted under it with both ids', async () => {
    const { superAdmin, response } = await impersonate();
    await t.http().delete('/api/auth/sessions/6f1c7a52-3a44-4a8e-9b1f-2d6b6a0c9e11').set('authorization', bearer(response.body.accessToken)).expect(404);
    const rows = await t.dataSource.query("SELECT impersonator_id AS impersonatorId, changes FROM audit_logs WHERE action = 'impersonation.request'");
    const deletion = rows.find((row: { changes: string }) => row.changes.includes('/api/auth/sessions/'));
    expect(deletion).toBeDefined();
    expect(deletion.impersonatorId).toBe(superAdmin.body.user.id);
    expect(JSON.parse(deletion.changes)).toMatchObject({ method: 'DELETE', outcome: 'failed with 404' });
  });

  it('is for super admins only, and never targets the system tenant or an unknown one', async () => {
    const admin = await login(t, DEMO.admin);
    await t.http().post(`/api/impersonate/${demoTenantId}`).set('authorization', bearer(admin)).expect(403);
    const superAdmin = await login(t, DEMO.superAdmin);
    const system = await idOf(t, DEMO.superAdmin);
    await t.http().post(`/api/impersonate/${system.tenantId}`).set('authorization', bearer(superAdmin)).expect(404);
    await t.http().post('/api/impersonate/7d9f0d1e-1111-4222-8333-944455556666').set('authorization', bearer(superAdmin)).expect(404);
    await t.http().post('/api/impersonate/not-a-uuid').set('authorization', bearer(superAdmin)).expect(400);
    await t.http().post(`/api/impersonate/${demoTenantId}`).expect(401);
  });
});
