import { TENANT_PLANS } from '@fasto/contracts';
import { randomUUID } from 'node:crypto';
import { generateApiKey } from '../src/core/auth/api-key-format';
import { hashSecretToken } from '../src/core/auth/secret-token';
import { ApiKey } from '../src/modules/integration/entities/api-key.entity';
import { client, DEMO, idOf, refresh, type Client } from './support/auth-helpers';
import { tokenEmailedTo } from './support/outbox';
import { startTestApp, type TestApp } from './support/test-app';

describe('tenants (super admin console) and own tenant settings', () => {
  let t: TestApp;
  let superAdmin: Client;
  let admin: Client;
  let manager: Client;
  let agent: Client;

  beforeAll(async () => {
    t = await startTestApp({ seed: { attendances: true } });
    [superAdmin, admin, manager, agent] = await Promise.all([
      client(t, DEMO.superAdmin),
      client(t, DEMO.admin),
      client(t, DEMO.manager),
      client(t, DEMO.agent),
    ]);
  });
  afterAll(() => t.close());

  describe('console', () => {
    it('lists tenants with usage, never the system tenant', async () => {
      const list = await superAdmin.get('/api/tenants').expect(200);
      const bySlug = Object.fromEntries(list.body.items.map((tenant: { slug: string }) => [tenant.slug, tenant]));
      expect(Object.keys(bySlug).sort()).toEqual(['acme', 'demo']);
      expect(bySlug['demo']).toMatchObject({ status: 'active', userCount: 9, invitedUserCount: 0, attendanceCount: 5000, lastActivityAt: expect.any(String) });
      expect(bySlug['acme']).toMatchObject({ userCount: 4, attendanceCount: 800 });
      const system = await idOf(t, DEMO.superAdmin);
      await superAdmin.get(`/api/tenants/${system.tenantId}`).expect(404);
      await superAdmin.post(`/api/tenants/${system.tenantId}/suspend`).expect(404);
    });

    it('sums usage across tenants', async () => {
      const overview = await superAdmin.get('/api/tenants/overview').expect(200);
      expect(overview.body.tenants).toMatchObject({ active: 2, total: 2 });
      expect(overview.body.users).toEqual({ total: 13, active: 13, invited: 0 });
      expect(overview.body.attendances.total).toBe(5800);
      expect(overview.body.attendances.last30Days).toBeGreaterThan(1000);
    });

    it('counts a pending invitation apart: among the users, never as active', async () => {
      await admin.post('/api/users', { email: 'convidada@demo.fasto.app', fullName: 'Convidada', role: 'agent' }).expect(201);
      const overview = await superAdmin.get('/api/tenants/overview').expect(200);
      expect(overview.body.users).toEqual({ total: 14, active: 13, invited: 1 });
      const demo = (await superAdmin.get('/api/tenants').expect(200)).body.items.find((tenant: { slug: string }) => tenant.slug === 'demo');
      expect(demo).toMatchObject({ userCount: 10, invitedUserCount: 1 });

      const token = await tokenEmailedTo(t, 'convidada@demo.fasto.app', 'accept-invite');
      await t.http().post('/api/auth/invite/accept').send({ token, password: 'Quintal-azul-do-rio-2026' }).expect(200);
      expect((await superAdmin.get('/api/tenants/overview').expect(200)).body.users).toEqual({ total: 14, active: 14, invited: 0 });
    });

    it('creates a tenant in trial and invites its first admin, who can then sign in', async () => {
      const created = await superAdmin
        .post('/api/tenants', {
          name: 'Nova Loja',
          slug: 'nova-loja',
          plan: 'starter',
          trialDays: 7,
          admin: { email: 'Dona@NovaLoja.example', fullName: 'Dona da Loja' },
        })
        .expect(201);
      expect(created.body).toMatchObject({
        name: 'Nova Loja',
        status: 'trial',
        plan: 'starter',
        userCount: 1,
        settings: { lowScoreThreshold: 50, firstResponseSlaMinutes: 60 },
      });
      const days = (new Date(created.body.trialEndsAt).getTime() - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(6.9);
      expect(days).toBeLessThan(7.1);

      const token = await tokenEmailedTo(t, 'dona@novaloja.example', 'accept-invite');
      const accepted = await t.http().post('/api/auth/invite/accept').send({ token, password: 'Nova-loja-senha-forte' }).expect(200);
      expect(accepted.body.user).toMatchObject({ role: 'admin', tenantName: 'Nova Loja', tenantStatus: 'trial' });
    });

    it('refuses duplicate or malformed slugs and an email already in use', async () => {
      await superAdmin.post('/api/tenants', { name: 'Dup', slug: 'demo', admin: { email: 'new1@x.example', fullName: 'A' } }).expect(409);
      await superAdmin.post('/api/tenants', { name: 'Bad', slug: 'Bad Slug!', admin: { email: 'new2@x.example', fullName: 'A' } }).expect(400);
      await superAdmin.post('/api/tenants', { name: 'Taken', slug: 'taken-email', admin: { email: DEMO.agent, fullName: 'A' } }).expect(422);
      const [{ n }] = await t.dataSource.query("SELECT COUNT(*) AS n FROM tenants WHERE slug IN ('taken-email', 'bad')");
      expect(Number(n)).toBe(0);
      await admin.post('/api/tenants', { name: 'Nope', slug: 'nope', admin: { email: 'n@x.example', fullName: 'N' } }).expect(403);
    });

    it('suspends a tenant: sign-in, tokens, refresh and API keys stop at once; reactivation restores sign-in', async () => {
      const acmeAdmin = await client(t, DEMO.acmeAdmin);
      const key = generateApiKey();
      await t.dataSource
        .getRepository(ApiKey)
        .insert({ id: randomUUID(), tenantId: acmeAdmin.session.body.user.tenantId, name: 'n8n', prefix: key.prefix, keyHash: hashSecretToken(key.key) });
      const acmeId = acmeAdmin.session.body.user.tenantId;

      const suspended = await superAdmin.post(`/api/tenants/${acmeId}/suspend`).expect(200);
      expect(suspended.body.status).toBe('suspended');
      // Suspension ends every session, and access tokens die with theirs.
      await acmeAdmin.get('/api/auth/me').expect(401);
      await refresh(t, acmeAdmin.session.refreshToken).expect(401);
      await t.http().post('/api/auth/login').send({ email: DEMO.acmeAdmin, password: t.config.demoPassword }).expect(403);
      await t.http().get('/api/auth/me').set('x-api-key', key.key).expect(403);
      await superAdmin.post(`/api/tenants/${acmeId}/suspend`).expect(409);

      await superAdmin.post(`/api/tenants/${acmeId}/reactivate`).expect(200);
      const again = await client(t, DEMO.acmeAdmin);
      await again.get('/api/auth/me').expect(200);
      const audit = await superAdmin.get(`/api/audit-logs?tenantId=${acmeId}&entity=tenant`).expect(200);
      expect(audit.body.items.map((item: { action: string }) => item.action)).toEqual(expect.arrayContaining(['tenant.suspended', 'tenant.reactivated']));
    });

    it('cancels a tenant: access closed, data kept', async () => {
      const created = await superAdmin
        .post('/api/tenants', { name: 'Fecha', slug: 'fecha', admin: { email: 'dono@fecha.example', fullName: 'Dono' } })
        .expect(201);
      const cancelled = await superAdmin.post(`/api/tenants/${created.body.id}/cancel`).expect(200);
      expect(cancelled.body.status).toBe('cancelled');
      const detail = await superAdmin.get(`/api/tenants/${created.body.id}`).expect(200);
      expect(detail.body.userCount).toBe(1);
      await superAdmin.post(`/api/tenants/${created.body.id}/cancel`).expect(409);
    });

    it('updates plan and trial end; status cannot be set directly', async () => {
      const demo = admin.session.body.user.tenantId;
      const updated = await superAdmin.patch(`/api/tenants/${demo}`, { plan: 'enterprise', trialEndsAt: null }).expect(200);
      expect(updated.body.plan).toBe('enterprise');
      await superAdmin.patch(`/api/tenants/${demo}`, { status: 'cancelled' }).expect(400);
      await superAdmin.patch(`/api/tenants/${randomUUID()}`, { plan: 'pro' }).expect(404);
    });

    it('takes plans from the list only, and still reads a stored plan outside it', async () => {
      const demo = admin.session.body.user.tenantId;
      const planError = { field: 'plan', messages: [`plan must be one of ${TENANT_PLANS.join(', ')}`] };
      const patched = await superAdmin.patch(`/api/tenants/${demo}`, { plan: 'Gold' }).expect(400);
      expect(patched.body.details).toEqual([planError]);
      const created = await superAdmin
        .post('/api/tenants', { name: 'Plano Livre', slug: 'plano-livre', plan: 'gratis', admin: { email: 'dono@plano.example', fullName: 'Dono' } })
        .expect(400);
      expect(created.body.details).toEqual([planError]);
      const [{ n }] = await t.dataSource.query("SELECT COUNT(*) AS n FROM tenants WHERE slug = 'plano-livre'");
      expect(Number(n)).toBe(0);

      // A plan stored before the list existed (like the system tenant's) is shown as it is.
      await t.dataSource.query("UPDATE tenants SET plan = 'legacy-gold' WHERE id = ?", [demo]);
      expect((await superAdmin.get(`/api/tenants/${demo}`).expect(200)).body.plan).toBe('legacy-gold');
      expect((await admin.get('/api/tenant').expect(200)).body.plan).toBe('legacy-gold');
      await superAdmin.patch(`/api/tenants/${demo}`, { plan: 'pro' }).expect(200);
    });
  });

  describe('own tenant', () => {
    it('lets every member read it, and only admins change it', async () => {
      const read = await agent.get('/api/tenant').expect(200);
      expect(read.body).toMatchObject({
        name: 'Demo',
        timezone: 'America/Sao_Paulo',
        locale: 'pt-BR',
        settings: { lowScoreThreshold: 50, firstResponseSlaMinutes: 60 },
      });
      await manager.patch('/api/tenant', { name: 'Hacked' }).expect(403);
      await agent.patch('/api/tenant', { name: 'Hacked' }).expect(403);
    });

    it('merges partial settings and branding, validating each field', async () => {
      await admin.patch('/api/tenant', { settings: { lowScoreThreshold: 40 } }).expect(200);
      const updated = await admin.patch('/api/tenant', { branding: { primaryColor: '#112233' }, timezone: 'America/Manaus', locale: 'en-US' }).expect(200);
      expect(updated.body).toMatchObject({
        timezone: 'America/Manaus',
        locale: 'en-US',
        branding: { primaryColor: '#112233', logoUrl: null },
        settings: { lowScoreThreshold: 40, firstResponseSlaMinutes: 60 },
      });

      await admin.patch('/api/tenant', { timezone: 'Mars/Olympus' }).expect(400);
      await admin.patch('/api/tenant', { settings: { lowScoreThreshold: 101 } }).expect(400);
      await admin.patch('/api/tenant', { branding: { primaryColor: 'gold' } }).expect(400);
      await admin.patch('/api/tenant', { branding: { logoUrl: 'javascript:alert(1)' } }).expect(400);
      await admin.patch('/api/tenant', { status: 'active' }).expect(400);
      await admin.patch('/api/tenant', { id: randomUUID(), slug: 'stolen' }).expect(400);
      const after = await admin.get('/api/tenant').expect(200);
      expect(after.body).toMatchObject({ slug: 'demo', status: 'active', settings: { lowScoreThreshold: 40 } });
    });

    it('resets a null setting to its default and refuses arrays, null objects and unknown keys, storing nothing', async () => {
      const storedSettings = async () => {
        const [row] = await t.dataSource.query("SELECT settings FROM tenants WHERE slug = 'demo'");
        return JSON.parse(row.settings);
      };
      await admin.patch('/api/tenant', { settings: { lowScoreThreshold: 30, firstResponseSlaMinutes: 15 } }).expect(200);
      const reset = await admin.patch('/api/tenant', { settings: { firstResponseSlaMinutes: null } }).expect(200);
      expect(reset.body.settings).toEqual({ lowScoreThreshold: 30, firstResponseSlaMinutes: 60 });
      expect(await storedSettings()).toEqual({ lowScoreThreshold: 30 });

      const before = await storedSettings();
      const refusals: [object, string][] = [
        [{ settings: [{ lowScoreThreshold: 10 }] }, 'settings'],
        [{ settings: null }, 'settings'],
        [{ settings: 'low' }, 'settings'],
        [{ branding: ['#112233'] }, 'branding'],
        [{ settings: { firstResponseSlaMinutes: 0 } }, 'settings.firstResponseSlaMinutes'],
        [{ settings: { firstResponseSlaMinutes: '15' } }, 'settings.firstResponseSlaMinutes'],
        [{ settings: { lowScoreThreshold: 2.5 } }, 'settings.lowScoreThreshold'],
      ];
      for (const [body, field] of refusals) {
        const response = await admin.patch('/api/tenant', body);
        expect({ body, status: response.status }).toEqual({ body, status: 400 });
        expect(JSON.stringify(response.body.details)).toContain(field);
      }
      await admin.patch('/api/tenant', { settings: { unknownKnob: 1 } }).expect(400);
      expect(await storedSettings()).toEqual(before);
    });
  });
});
