import { ErrorCode, HEADERS, type TvBoard } from '@fasto/contracts';
import { randomUUID } from 'node:crypto';
import { IS_PUBLIC_KEY, TV_BOARD_ROUTE_KEY } from '../src/core/access/access-metadata';
import { hashSecretToken } from '../src/core/auth/secret-token';
import { insertAttendances } from './support/attendance-fixtures';
import { catalogOf } from './support/attendance-fixtures';
import { client, DEMO, idOf, type Client } from './support/auth-helpers';
import { openEventStream } from './support/event-stream';
import { registeredRoutes } from './support/routes';
import { startTestApp, type TestApp } from './support/test-app';

const DAY = 86_400_000;
const TV_ROUTES = ['GET /api/tv/board', 'GET /api/tv/stream'];

describe('TV links and the TV board', () => {
  let t: TestApp;
  let admin: Client;
  let manager: Client;
  let agent: Client;
  let acmeAdmin: Client;
  let tenantId: string;
  let acmeTenantId: string;

  const board = (token: string, query = '') => t.http().get(`/api/tv/board${query}`).set(HEADERS.tvToken, token);
  const createLink = async (body: object = { name: 'Sala de vendas' }) => {
    const response = await admin.post('/api/tv-links', body);
    expect(response.status).toBe(201);
    return response.body as { id: string; token: string; prefix: string };
  };

  beforeAll(async () => {
    t = await startTestApp({ seed: true, env: { NOTIFICATION_STREAM_SWEEP_MS: '200' } });
    [admin, manager, agent, acmeAdmin] = await Promise.all([client(t, DEMO.admin), client(t, DEMO.manager), client(t, DEMO.agent), client(t, DEMO.acmeAdmin)]);
    tenantId = (await idOf(t, DEMO.admin)).tenantId;
    acmeTenantId = (await idOf(t, DEMO.acmeAdmin)).tenantId;

    // Previous week: Bruno ahead of Alice. This week: Alice ahead of Bruno, Diego (another team) third.
    const catalog = await catalogOf(t, tenantId);
    const [alice, bruno, diego] = [catalog.user(DEMO.agent), catalog.user(DEMO.otherAgent), catalog.user('diego@demo.fasto.app')];
    const now = Date.now();
    const sale = (user: typeof alice, at: number, saleValue: number) => ({
      tenantId,
      userId: user.id,
      teamId: user.teamId,
      attendedAt: new Date(at),
      converted: true,
      saleValue,
      customerName: 'Cliente Secreto',
      customerPhone: '+5511999990000',
      summary: 'Resumo confidencial',
    });
    await insertAttendances(t, [
      sale(bruno, now - 7 * DAY, 500),
      sale(alice, now - 7 * DAY, 100),
      sale(alice, now - 60_000, 1000),
      sale(bruno, now - 120_000, 200),
      sale(diego, now - 180_000, 50),
      { tenantId, userId: alice.id, teamId: alice.teamId, attendedAt: new Date(now - 240_000), converted: false, customerName: 'Cliente Secreto' },
    ]);
    // Another tenant's sale never shows on this board.
    const acme = await catalogOf(t, acmeTenantId);
    await insertAttendances(t, [
      { tenantId: acmeTenantId, userId: acme.user(DEMO.acmeAgent).id, attendedAt: new Date(now - 60_000), converted: true, saleValue: 9999 },
    ]);
  });
  afterAll(() => t.close());

  describe('links', () => {
    it('are created by admins only; the token is shown once and only its hash is stored', async () => {
      for (const caller of [manager, agent]) expect((await caller.post('/api/tv-links', { name: 'x' })).status).toBe(403);
      const link = await createLink();
      expect(link.token).toMatch(/^fstv_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
      expect(link.token.slice(5, 13)).toBe(link.prefix);

      const [row] = await t.dataSource.query('SELECT * FROM tv_links WHERE id = ?', [link.id]);
      expect(row.token_hash).toBe(hashSecretToken(link.token));
      expect(JSON.stringify(row)).not.toContain(link.token.slice(14));

      const list = await admin.get('/api/tv-links');
      expect(list.status).toBe(200);
      const listed = list.body.items.find((item: { id: string }) => item.id === link.id);
      expect(Object.keys(listed).sort()).toEqual(['createdAt', 'id', 'lastUsedAt', 'name', 'prefix', 'revokedAt', 'teamId']);
      for (const caller of [manager, agent]) expect((await caller.get('/api/tv-links')).status).toBe(403);
    });

    it('are audited', async () => {
      const link = await createLink({ name: 'Auditada' });
      expect((await admin.delete(`/api/tv-links/${link.id}`)).status).toBe(204);
      const rows = await t.dataSource.query('SELECT action FROM audit_logs WHERE entity = ? AND entity_id = ? ORDER BY created_at', ['tv_link', link.id]);
      expect(rows.map((row: { action: string }) => row.action)).toEqual(['tv_link.created', 'tv_link.revoked']);
    });

    it('refuses a team of another tenant, and another tenant cannot revoke the link (404, nothing changes)', async () => {
      const acmeTeam = (await t.dataSource.query('SELECT id FROM teams WHERE tenant_id = ? LIMIT 1', [acmeTenantId]))[0].id;
      expect((await admin.post('/api/tv-links', { name: 'x', teamId: acmeTeam })).status).toBe(404);
      const link = await createLink();
      expect((await acmeAdmin.delete(`/api/tv-links/${link.id}`)).status).toBe(404);
      expect((await manager.delete(`/api/tv-links/${link.id}`)).status).toBe(403);
      expect((await board(link.token)).status).toBe(200);
    });

    it('answers 401 on the next call once revoked', async () => {
      const link = await createLink();
      expect((await board(link.token)).status).toBe(200);
      expect((await admin.delete(`/api/tv-links/${link.id}`)).status).toBe(204);
      const refused = await board(link.token);
      expect(refused.status).toBe(401);
      expect(refused.body.code).toBe(ErrorCode.InvalidTvToken);
      expect((await admin.delete(`/api/tv-links/${link.id}`)).status).toBe(404);
    });
  });

  describe('a TV token', () => {
    it('is refused on every other route (walking the registered routes)', async () => {
      const link = await createLink();
      const mismatches: string[] = [];
      for (const route of registeredRoutes(t.app)) {
        if (TV_ROUTES.includes(route.key) || Reflect.getMetadata(IS_PUBLIC_KEY, route.handler) || Reflect.getMetadata(IS_PUBLIC_KEY, route.controller))
          continue;
        const url = route.path.replace(/:[A-Za-z]+/g, () => randomUUID());
        const call = t.http()[route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](url).set(HEADERS.tvToken, link.token);
        const response = ['POST', 'PUT', 'PATCH'].includes(route.method) ? await call.send({}) : await call;
        if (response.status !== 403) mismatches.push(`${route.key}: ${response.status}`);
      }
      expect(mismatches).toEqual([]);
      // Only the board's routes carry the TV marker.
      const marked = registeredRoutes(t.app).filter(
        (route) => Reflect.getMetadata(TV_BOARD_ROUTE_KEY, route.handler) || Reflect.getMetadata(TV_BOARD_ROUTE_KEY, route.controller),
      );
      expect(marked.map((route) => route.key)).toEqual(TV_ROUTES);
    });

    it('is never read from the query string', async () => {
      const link = await createLink();
      for (const name of ['token', HEADERS.tvToken, 'tvToken', 'access_token']) {
        expect((await t.http().get(`/api/tv/board?${name}=${encodeURIComponent(link.token)}`)).status).toBe(401);
      }
    });

    it('never reaches the request logs', async () => {
      const link = await createLink();
      expect((await board(link.token).set('x-request-id', 'tv-redaction-check')).status).toBe(200);
      const line = t.logs().find((entry) => (entry['req'] as { id?: string } | undefined)?.id === 'tv-redaction-check');
      expect((line?.['req'] as { headers: Record<string, string> }).headers[HEADERS.tvToken]).toBe('[Redacted]');
      expect(JSON.stringify(t.logs())).not.toContain(link.token);
    });

    it('is refused when malformed or unknown', async () => {
      expect((await board('fstv_nope')).status).toBe(401);
      expect((await board(`fstv_00000000_${'A'.repeat(43)}`)).status).toBe(401);
    });
  });

  describe('the board', () => {
    it('ranks the agents with their movement, totals today and the period, and lists the latest sales: names and numbers only', async () => {
      const link = await createLink();
      const response = await board(link.token);
      expect(response.status).toBe(200);
      const body = response.body as TvBoard;
      expect(Object.keys(body).sort()).toEqual(
        ['generatedAt', 'goals', 'latestSales', 'period', 'periodTotals', 'previousRange', 'range', 'ranking', 'teamName', 'today'].sort(),
      );
      expect(body.period).toBe('week');
      expect(body.goals).toEqual([]);
      expect(body.ranking.map((row) => [row.rank, row.name, row.sales, row.saleValue, row.movement])).toEqual([
        [1, 'Alice Atendente', 1, 1000, 1],
        [2, 'Bruno Souza', 1, 200, -1],
        [3, 'Diego Ramos', 1, 50, null],
      ]);
      for (const row of body.ranking) expect(Object.keys(row).sort()).toEqual(['attendances', 'movement', 'name', 'rank', 'saleValue', 'sales']);
      expect(body.periodTotals).toEqual({ sales: 3, saleValue: 1250 });
      expect(body.latestSales.map((sale) => [sale.agentName, sale.saleValue])).toEqual([
        ['Alice Atendente', 1000],
        ['Bruno Souza', 200],
        ['Diego Ramos', 50],
      ]);
      for (const sale of body.latestSales) expect(Object.keys(sale).sort()).toEqual(['agentName', 'closedAt', 'id', 'saleValue']);
      const text = JSON.stringify(body);
      for (const secret of ['Cliente Secreto', '+5511999990000', 'Resumo confidencial', '9999']) expect(text).not.toContain(secret);
    });

    it('shows the goals of the period with their progress', async () => {
      const goal = await admin.post('/api/goals', { scope: 'tenant', metric: 'conversions', period: 'week', target: 6 }).expect(201);
      await admin.post('/api/goals', { scope: 'tenant', metric: 'attendances', period: 'month', target: 100 }).expect(201);
      const link = await createLink();
      const { body } = (await board(link.token)) as { body: TvBoard };
      expect(body.goals).toEqual([
        expect.objectContaining({ id: goal.body.id, scope: 'tenant', name: null, metric: 'conversions', actual: 3, target: 6, done: 0.5 }),
      ]);
      await admin.delete(`/api/goals/${goal.body.id}`).expect(204);
    });

    it('shows one team for a team link, a manager their own team, and refuses agents', async () => {
      const team = (await catalogOf(t, tenantId)).team(
        (await t.dataSource.query('SELECT name FROM teams WHERE id = (SELECT team_id FROM users WHERE email = ?)', [DEMO.manager]))[0].name,
      );
      const link = await createLink({ name: 'Time', teamId: team.id });
      const forLink = (await board(link.token)).body as TvBoard;
      expect(forLink.teamName).toBe(team.name);
      expect(forLink.ranking.map((row) => row.name)).toEqual(['Alice Atendente', 'Bruno Souza']);
      expect((await board(link.token, `?teamId=${randomUUID()}`)).status).toBe(403);

      const forManager = await manager.get('/api/tv/board?period=month');
      expect(forManager.status).toBe(200);
      expect((forManager.body as TvBoard).ranking.map((row) => row.name)).not.toContain('Diego Ramos');
      expect((await admin.get(`/api/tv/board?teamId=${team.id}`)).body.teamName).toBe(team.name);
      expect((await agent.get('/api/tv/board')).status).toBe(403);
      expect((await admin.get('/api/tv/board?period=year')).status).toBe(400);
    });

    it('pushes newly closed sales on the ticker, and closes it when the link is revoked', async () => {
      const link = await createLink();
      const stream = openEventStream(t, '/api/tv/stream', { [HEADERS.tvToken]: link.token });
      try {
        expect(await stream.status).toBe(200);
        const catalog = await catalogOf(t, tenantId);
        const carla = catalog.user('carla@demo.fasto.app');
        await insertAttendances(t, [
          { tenantId, userId: carla.id, teamId: carla.teamId, attendedAt: new Date(), converted: true, saleValue: 321, customerName: 'Cliente Secreto' },
        ]);
        const event = await stream.next((candidate) => candidate.event === 'sale');
        expect(event.data).toEqual({ id: expect.any(String), agentName: 'Carla Lima', saleValue: 321, closedAt: expect.any(String) });
        expect(stream.events.filter((candidate) => candidate.event === 'sale')).toHaveLength(1);

        expect((await admin.delete(`/api/tv-links/${link.id}`)).status).toBe(204);
        await stream.ended;
      } finally {
        stream.close();
      }
      const again = openEventStream(t, '/api/tv/stream', { [HEADERS.tvToken]: link.token });
      expect(await again.status).toBe(401);
      again.close();
    });
  });
});
