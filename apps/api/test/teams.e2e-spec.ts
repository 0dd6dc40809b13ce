import { DomainEvents, type DomainEventMap } from '../src/core/events/domain-events';
import { client, DEMO, idOf, type Client } from './support/auth-helpers';
import { startTestApp, type TestApp } from './support/test-app';

describe('teams', () => {
  let t: TestApp;
  let admin: Client;
  let manager: Client;
  let acmeAdmin: Client;
  let catalog: { funnelId: string; originGroupId: string; acmeFunnelId: string };
  const moves: DomainEventMap['user.team_changed'][] = [];

  beforeAll(async () => {
    t = await startTestApp({ seed: true });
    t.app.get(DomainEvents).on('user.team_changed', (event) => void moves.push(event));
    [admin, manager, acmeAdmin] = await Promise.all([client(t, DEMO.admin), client(t, DEMO.manager), client(t, DEMO.acmeAdmin)]);
    const [funnel] = await t.dataSource.query('SELECT id FROM funnels WHERE tenant_id = ? ORDER BY name', [admin.session.body.user.tenantId]);
    const [group] = await t.dataSource.query('SELECT id FROM origin_groups WHERE tenant_id = ? ORDER BY name', [admin.session.body.user.tenantId]);
    const [acmeFunnel] = await t.dataSource.query('SELECT id FROM funnels WHERE tenant_id = ?', [acmeAdmin.session.body.user.tenantId]);
    catalog = { funnelId: funnel.id, originGroupId: group.id, acmeFunnelId: acmeFunnel.id };
  });
  afterAll(() => t.close());

  it('creates a team with its funnel, origin group and members, announcing each move', async () => {
    const diego = await idOf(t, 'diego@demo.fasto.app');
    const created = await admin
      .post('/api/teams', { name: 'Equipe Gama', funnelId: catalog.funnelId, originGroupId: catalog.originGroupId, memberIds: [diego.id] })
      .expect(201);
    expect(created.body).toMatchObject({ name: 'Equipe Gama', funnelId: catalog.funnelId, memberCount: 1, members: [{ id: diego.id }] });
    expect(created.body.funnelName).toEqual(expect.any(String));
    expect(moves).toContainEqual(expect.objectContaining({ userId: diego.id, toTeamId: created.body.id }));
    const list = await admin.get('/api/teams').expect(200);
    expect(list.body.items.map((team: { name: string }) => team.name)).toEqual(['Equipe Alpha', 'Equipe Beta', 'Equipe Gama']);
  });

  it('refuses duplicate names, and another tenant’s funnel or members (404, nothing created)', async () => {
    await admin.post('/api/teams', { name: 'Equipe Alpha' }).expect(409);
    await admin.post('/api/teams', { name: 'Equipe Delta', funnelId: catalog.acmeFunnelId }).expect(404);
    const acmeAgent = await idOf(t, DEMO.acmeAgent);
    await admin.post('/api/teams', { name: 'Equipe Delta', memberIds: [acmeAgent.id] }).expect(404);
    const [{ n }] = await t.dataSource.query("SELECT COUNT(*) AS n FROM teams WHERE name = 'Equipe Delta'");
    expect(Number(n)).toBe(0);
    const [row] = await t.dataSource.query('SELECT team_id AS teamId FROM users WHERE id = ?', [acmeAgent.id]);
    expect(row.teamId).not.toBeNull();
  });

  it('sets the members to exactly the given list', async () => {
    const [gama] = await t.dataSource.query("SELECT id FROM teams WHERE name = 'Equipe Gama'");
    const fabio = await idOf(t, 'fabio@demo.fasto.app');
    const updated = await admin.patch(`/api/teams/${gama.id}`, { memberIds: [fabio.id], name: 'Equipe Gama 2' }).expect(200);
    expect(updated.body.members.map((member: { id: string }) => member.id)).toEqual([fabio.id]);
    const diego = await idOf(t, 'diego@demo.fasto.app');
    expect(moves).toContainEqual(expect.objectContaining({ userId: diego.id, fromTeamId: gama.id, toTeamId: null }));
    const [audit] = await t.dataSource.query("SELECT changes FROM audit_logs WHERE action = 'team.updated' AND entity_id = ?", [gama.id]);
    expect(JSON.parse(audit.changes).name).toEqual({ from: 'Equipe Gama', to: 'Equipe Gama 2' });
  });

  it('shows a manager their own team only, read-only', async () => {
    const list = await manager.get('/api/teams').expect(200);
    expect(list.body.items.map((team: { id: string }) => team.id)).toEqual([manager.session.body.user.teamId]);
    const [beta] = await t.dataSource.query("SELECT id FROM teams WHERE name = 'Equipe Beta'");
    await manager.get(`/api/teams/${beta.id}`).expect(404);
    await manager.patch(`/api/teams/${manager.session.body.user.teamId}`, { name: 'Mine' }).expect(403);
    const own = await manager.get(`/api/teams/${manager.session.body.user.teamId}`).expect(200);
    expect(own.body.members.length).toBeGreaterThan(1);
  });

  it('answers 404 to another tenant and changes nothing', async () => {
    const [alpha] = await t.dataSource.query("SELECT id FROM teams WHERE name = 'Equipe Alpha'");
    await acmeAdmin.get(`/api/teams/${alpha.id}`).expect(404);
    await acmeAdmin.patch(`/api/teams/${alpha.id}`, { name: 'Owned' }).expect(404);
    await acmeAdmin.delete(`/api/teams/${alpha.id}`).expect(404);
    const [row] = await t.dataSource.query('SELECT name FROM teams WHERE id = ?', [alpha.id]);
    expect(row.name).toBe('Equipe Alpha');
  });

  it('deletes a team; its members stay, without a team', async () => {
    const [gama] = await t.dataSource.query("SELECT id FROM teams WHERE name = 'Equipe Gama 2'");
    const fabio = await idOf(t, 'fabio@demo.fasto.app');
    await admin.delete(`/api/teams/${gama.id}`).expect(204);
    const member = await admin.get(`/api/users/${fabio.id}`).expect(200);
    expect(member.body).toMatchObject({ teamId: null, isActive: true });
    await admin.get(`/api/teams/${gama.id}`).expect(404);
  });
});
