import { Role } from '@fasto/contracts';
import { DomainEvents, type DomainEventMap } from '../src/core/events/domain-events';
import { client, DEMO, idOf, refresh, type Client } from './support/auth-helpers';
import { emailsTo } from './support/outbox';
import { startTestApp, type TestApp } from './support/test-app';

describe('users', () => {
  let t: TestApp;
  let admin: Client;
  let manager: Client;
  let agent: Client;
  let acmeAdmin: Client;
  const teamEvents: DomainEventMap['user.team_changed'][] = [];

  beforeAll(async () => {
    t = await startTestApp({ seed: true });
    t.app.get(DomainEvents).on('user.team_changed', (event) => void teamEvents.push(event));
    [admin, manager, agent, acmeAdmin] = await Promise.all([client(t, DEMO.admin), client(t, DEMO.manager), client(t, DEMO.agent), client(t, DEMO.acmeAdmin)]);
  });
  afterAll(() => t.close());

  describe('listing', () => {
    it('shows an admin every member of the tenant (never super admins or other tenants), page by page', async () => {
      const first = await admin.get('/api/users?limit=4').expect(200);
      expect(first.body.items).toHaveLength(4);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const rest = await admin.get(`/api/users?limit=200&cursor=${first.body.nextCursor}`).expect(200);
      const emails = [...first.body.items, ...rest.body.items].map((user: { email: string }) => user.email);
      expect(emails).toHaveLength(9);
      expect(new Set(emails).size).toBe(9);
      expect(emails.every((email: string) => email.endsWith('@demo.fasto.app'))).toBe(true);
      expect(JSON.stringify(first.body)).not.toMatch(/passwordHash|argon2/);
    });

    it('filters by role and text', async () => {
      const managers = await admin.get('/api/users?role=manager').expect(200);
      expect(managers.body.items.map((user: { email: string }) => user.email).sort()).toEqual([DEMO.manager, 'manager.beta@demo.fasto.app'].sort());
      const search = await admin.get('/api/users?q=BRUNO').expect(200);
      expect(search.body.items.map((user: { email: string }) => user.email)).toEqual([DEMO.otherAgent]);
      await admin.get('/api/users?q=%25').expect(200);
      await admin.get('/api/users?role=super_admin').expect(400);
      await admin.get('/api/users?cursor=not-a-cursor!').expect(400);
    });

    it('shows a manager their own team only, and an agent nobody but themselves', async () => {
      const list = await manager.get('/api/users').expect(200);
      const teamIds = new Set(list.body.items.map((user: { teamId: string }) => user.teamId));
      expect(teamIds).toEqual(new Set([manager.session.body.user.teamId]));
      expect(list.body.items).toHaveLength(4);

      const betaAgent = await idOf(t, 'diego@demo.fasto.app');
      await manager.get(`/api/users/${betaAgent.id}`).expect(404);
      await agent.get('/api/users').expect(403);
      await agent.get(`/api/users/${agent.session.body.user.id}`).expect(200);
      await agent.get(`/api/users/${manager.session.body.user.id}`).expect(404);
    });
  });

  describe('creating', () => {
    it('creates a member and emails the invitation', async () => {
      const created = await admin
        .post('/api/users', { email: 'Novo.Agente@Demo.Fasto.App', fullName: 'Novo Agente', role: 'agent', teamId: manager.session.body.user.teamId })
        .expect(201);
      expect(created.body).toMatchObject({ email: 'novo.agente@demo.fasto.app', role: 'agent', hasPassword: false, isActive: true, teamName: 'Equipe Alpha' });
      const [email] = emailsTo(t, 'novo.agente@demo.fasto.app');
      expect(email).toMatch(/accept-invite\?token=/);
      expect(email).toContain('Você foi convidado(a) para a empresa Demo no Fasto, na equipe Equipe Alpha.');
    });

    it("writes the invitation in the recipient's language, naming the organization without a team it does not have", async () => {
      const acme = (await acmeAdmin.get('/api/tenant').expect(200)).body;
      await acmeAdmin.patch('/api/tenant', { locale: 'en-US' }).expect(200);
      try {
        await acmeAdmin.post('/api/users', { email: 'new.hire@acme.fasto.app', fullName: 'New Hire', role: 'manager' }).expect(201);
      } finally {
        await acmeAdmin.patch('/api/tenant', { locale: acme.locale }).expect(200);
      }
      const [email] = emailsTo(t, 'new.hire@acme.fasto.app');
      expect(email).toContain(`Subject: Fasto: invitation to ${acme.name}`);
      expect(email).toContain(`You are invited to join ${acme.name} on Fasto.`);
      expect(email).not.toMatch(/equipe|team/i);
    });

    it('refuses duplicates (any case, any tenant), super admins, foreign teams and mass assignment', async () => {
      await admin.post('/api/users', { email: 'ADMIN@acme.fasto.app', fullName: 'Dup', role: 'agent' }).expect(422);
      await admin.post('/api/users', { email: 'x1@demo.fasto.app', fullName: 'X', role: 'super_admin' }).expect(400);
      const acmeTeam = acmeAdmin.session.body.user;
      const [acmeTeamRow] = await t.dataSource.query('SELECT id FROM teams WHERE tenant_id = ?', [acmeTeam.tenantId]);
      await admin.post('/api/users', { email: 'x2@demo.fasto.app', fullName: 'X', role: 'agent', teamId: acmeTeamRow.id }).expect(404);
      const massAssigned = await admin
        .post('/api/users', { email: 'x3@demo.fasto.app', fullName: 'X', role: 'agent', tenantId: acmeTeam.tenantId, passwordHash: 'x', id: 'abc' })
        .expect(400);
      expect(massAssigned.body.details.map((detail: { field: string }) => detail.field).sort()).toEqual(['id', 'passwordHash', 'tenantId']);
      const [{ n }] = await t.dataSource.query("SELECT COUNT(*) AS n FROM users WHERE email LIKE 'x_@demo.fasto.app'");
      expect(Number(n)).toBe(0);
      await manager.post('/api/users', { email: 'x4@demo.fasto.app', fullName: 'X', role: 'agent' }).expect(403);
    });
  });

  describe('editing', () => {
    it('lets a manager edit name, phone and avatar of their own team only', async () => {
      const carla = await idOf(t, 'carla@demo.fasto.app');
      const edited = await manager
        .patch(`/api/users/${carla.id}`, { fullName: 'Carla Lima Souza', phone: '+55 11 98888-7777', avatarUrl: 'https://cdn.example.com/carla.png' })
        .expect(200);
      expect(edited.body).toMatchObject({ fullName: 'Carla Lima Souza', phone: '+55 11 98888-7777' });

      const role = await manager.patch(`/api/users/${carla.id}`, { role: 'admin' }).expect(403);
      expect(role.body.message).toMatch(/name, phone and avatar only/);
      await manager.patch(`/api/users/${carla.id}`, { teamId: null }).expect(403);
      await manager.patch(`/api/users/${carla.id}`, { isActive: false }).expect(403);
      const diego = await idOf(t, 'diego@demo.fasto.app');
      await manager.patch(`/api/users/${diego.id}`, { fullName: 'Hacked' }).expect(404);
      const [row] = await t.dataSource.query('SELECT full_name AS fullName, role, team_id AS teamId FROM users WHERE id = ?', [diego.id]);
      expect(row.fullName).toBe('Diego Ramos');
    });

    it('audits profile edits with old and new values, personal contact masked', async () => {
      const carla = await idOf(t, 'carla@demo.fasto.app');
      const logs = await admin.get(`/api/audit-logs?entity=user&action=user.updated`).expect(200);
      const entry = logs.body.items.find((item: { entityId: string }) => item.entityId === carla.id);
      expect(entry.changes.fullName).toEqual({ from: 'Carla Lima', to: 'Carla Lima Souza' });
      expect(entry.changes.phone).toBe('[masked]');
      expect(entry.actorId).toBe(manager.session.body.user.id);
    });

    it('lets an agent edit their own phone and avatar but not their name, role or team', async () => {
      await agent.patch('/api/users/me', { phone: '+55 21 97777-1111' }).expect(200);
      const name = await agent.patch('/api/users/me', { fullName: 'Outro Nome' }).expect(403);
      expect(name.body.message).toMatch(/cannot change their full name/);
      await agent.patch('/api/users/me', { role: 'admin' }).expect(400);
      await agent.patch('/api/users/me', { teamId: null }).expect(400);
      await agent.patch(`/api/users/${agent.session.body.user.id}`, { phone: '1234567' }).expect(403);
      await manager.patch('/api/users/me', { fullName: 'Marcos Gerente Silva' }).expect(200);
    });

    it('moves a member to another team (admin), auditing it and announcing it to the member', async () => {
      const bruno = await idOf(t, DEMO.otherAgent);
      const [beta] = await t.dataSource.query("SELECT id FROM teams WHERE name = 'Equipe Beta'");
      const moved = await admin.patch(`/api/users/${bruno.id}`, { teamId: beta.id }).expect(200);
      expect(moved.body.teamName).toBe('Equipe Beta');
      expect(teamEvents).toContainEqual(expect.objectContaining({ userId: bruno.id, toTeamId: beta.id, actorId: admin.session.body.user.id }));
      await admin.patch(`/api/users/${bruno.id}`, { teamId: '0d6f4a6e-4a54-4d0b-9a1e-0a0a0a0a0a0a' }).expect(404);
    });

    it('answers 404 for another tenant’s member and changes nothing', async () => {
      const acmeAgent = await idOf(t, DEMO.acmeAgent);
      await admin.patch(`/api/users/${acmeAgent.id}`, { fullName: 'Taken over' }).expect(404);
      await admin.get(`/api/users/${acmeAgent.id}`).expect(404);
      await admin.delete(`/api/users/${acmeAgent.id}`).expect(404);
      const [row] = await t.dataSource.query('SELECT full_name AS fullName, is_active AS isActive FROM users WHERE id = ?', [acmeAgent.id]);
      expect(row.fullName).toBe('Pedro Acme');
      expect(Boolean(Number(row.isActive))).toBe(true);
    });
  });

  describe('the last admin and deactivation', () => {
    it('keeps at least one active admin', async () => {
      const self = admin.session.body.user.id;
      const demote = await admin.patch(`/api/users/${self}`, { role: 'manager' }).expect(409);
      expect(demote.body.message).toMatch(/at least one active admin/);
      await admin.delete(`/api/users/${self}`).expect(409);

      const acme = await idOf(t, DEMO.acmeAdmin);
      await acmeAdmin.patch(`/api/users/${acme.id}`, { role: 'agent' }).expect(409);
    });

    it('deactivates a member: sessions end at once and the account cannot sign in', async () => {
      const elisa = await client(t, 'elisa@demo.fasto.app');
      await admin.delete(`/api/users/${elisa.session.body.user.id}`).expect(204);
      await refresh(t, elisa.session.refreshToken).expect(401);
      await elisa.get('/api/auth/me').expect(401);
      await t.http().post('/api/auth/login').send({ email: 'elisa@demo.fasto.app', password: t.config.demoPassword }).expect(401);
      const [audit] = await t.dataSource.query("SELECT changes FROM audit_logs WHERE action = 'user.updated' AND entity_id = ?", [elisa.session.body.user.id]);
      expect(JSON.parse(audit.changes)).toEqual({ isActive: { from: true, to: false } });
    });

    it('lets a second admin be demoted once another exists', async () => {
      const created = await admin.post('/api/users', { email: 'second.admin@demo.fasto.app', fullName: 'Segunda Admin', role: Role.Admin }).expect(201);
      await admin.patch(`/api/users/${created.body.id}`, { role: 'manager' }).expect(200);
      await admin.patch(`/api/users/${created.body.id}`, { role: 'admin' }).expect(200);
      await admin.patch(`/api/users/${admin.session.body.user.id}`, { role: 'manager' }).expect(200);
    });
  });
});
