import { NotificationType, type GoalProgressView } from '@fasto/contracts';
import { randomUUID } from 'node:crypto';
import { generateApiKey } from '../src/core/auth/api-key-format';
import { hashSecretToken } from '../src/core/auth/secret-token';
import { BackgroundWork } from '../src/core/background/background-work.service';
import { TenantContext } from '../src/core/tenancy/tenant-context';
import { Goal } from '../src/modules/goals/entities/goal.entity';
import { GoalAlerts } from '../src/modules/goals/goal-alerts.service';
import { GoalCheckJob } from '../src/modules/goals/goal-check.job';
import { GoalProgressService } from '../src/modules/goals/goal-progress.service';
import { ApiKey } from '../src/modules/integration/entities/api-key.entity';
import { catalogOf, insertAttendances } from './support/attendance-fixtures';
import { client, DEMO, type Client } from './support/auth-helpers';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Goals in the Demo tenant (America/Sao_Paulo, UTC−3). Alpha: manager@demo, Alice (agent@demo),
 * Bruno; Beta: manager.beta@demo, Diego.
 */
describe('goals', () => {
  let t: TestApp;
  let admin: Client;
  let manager: Client;
  let agent: Client;
  let acme: Client;
  let tenantId: string;
  let alpha: string;
  let beta: string;
  let alice: string;
  let bruno: string;
  let diego: string;

  const goal = (fields: Record<string, unknown>) => ({ metric: 'attendances', period: 'week', target: 10, ...fields });
  const notificationsOf = async (type: NotificationType) =>
    (await t.dataSource.query('SELECT user_id AS userId, event_key AS eventKey FROM notifications WHERE type = ? ORDER BY user_id', [type])) as {
      userId: string;
      eventKey: string;
    }[];

  beforeAll(async () => {
    t = await startTestApp({ seed: true, env: { WEBHOOK_ALLOW_PRIVATE: 'true' } });
    [admin, manager, agent, acme] = await Promise.all([client(t, DEMO.admin), client(t, DEMO.manager), client(t, DEMO.agent), client(t, DEMO.acmeAdmin)]);
    tenantId = admin.session.body.user.tenantId;
    const c = await catalogOf(t, tenantId);
    [alpha, beta] = [c.team('Equipe Alpha').id, c.team('Equipe Beta').id];
    [alice, bruno, diego] = [c.user(DEMO.agent).id, c.user(DEMO.otherAgent).id, c.user('diego@demo.fasto.app').id];
  });
  afterAll(() => t.close());

  describe('setting goals', () => {
    it('lets an admin set a tenant goal, once per metric and period (409 GOAL_EXISTS), and audits it', async () => {
      const created = await admin.post('/api/goals', goal({ scope: 'tenant', metric: 'sale_value', period: 'month', target: 125000.5 })).expect(201);
      expect(created.body).toMatchObject({ scope: 'tenant', teamId: null, userId: null, metric: 'sale_value', period: 'month', target: 125000.5 });
      const again = await admin.post('/api/goals', goal({ scope: 'tenant', metric: 'sale_value', period: 'month', target: 1 })).expect(409);
      expect(again.body.code).toBe('GOAL_EXISTS');
      await admin.post('/api/goals', goal({ scope: 'tenant', metric: 'sale_value', period: 'week', target: 1 })).expect(201);
      const [row] = await t.dataSource.query("SELECT entity, entity_id AS entityId FROM audit_logs WHERE action = 'goal.created' AND entity_id = ?", [
        created.body.id,
      ]);
      expect(row).toEqual({ entity: 'goal', entityId: created.body.id });
    });

    it('lets a manager set goals for their team and its agents only; agents cannot set any', async () => {
      await manager.post('/api/goals', goal({ scope: 'team', teamId: alpha, metric: 'conversions', period: 'month' })).expect(201);
      await manager.post('/api/goals', goal({ scope: 'user', userId: alice, metric: 'avg_score', target: 85.5 })).expect(201);
      expect((await manager.post('/api/goals', goal({ scope: 'team', teamId: beta })).expect(403)).body.code).toBe('FORBIDDEN');
      await manager.post('/api/goals', goal({ scope: 'user', userId: diego })).expect(403);
      await manager.post('/api/goals', goal({ scope: 'tenant' })).expect(403);
      await agent.post('/api/goals', goal({ scope: 'user', userId: alice })).expect(403);
      expect(await t.dataSource.query('SELECT id FROM goals WHERE team_id = ? OR user_id = ?', [beta, diego])).toEqual([]);
    });

    it('refuses malformed goals with 400 and mass-assigned fields', async () => {
      for (const body of [
        goal({ scope: 'team' }),
        goal({ scope: 'tenant', teamId: alpha }),
        goal({ scope: 'user', userId: alice, teamId: alpha }),
        goal({ scope: 'tenant', metric: 'conversion_rate', target: 5 }),
        goal({ scope: 'tenant', metric: 'attendances', target: 2.5 }),
        goal({ scope: 'tenant', metric: 'sale_value', target: 10.001 }),
        goal({ scope: 'tenant', metric: 'sale_value', target: 1e-7 }),
        goal({ scope: 'tenant', metric: 'revenue' }),
        goal({ scope: 'tenant', period: 'year' }),
        goal({ scope: 'tenant', activeFrom: '2026-02-30' }),
        goal({ scope: 'tenant', tenantId: randomUUID() }),
      ]) {
        const response = await admin.post('/api/goals', body);
        expect({ body, status: response.status, code: response.body.code }).toEqual({ body, status: 400, code: 'VALIDATION_FAILED' });
      }
    });

    it('lists what each caller may see: agents their own, managers the tenant’s, their team’s and their agents’', async () => {
      const beta_ = await admin.post('/api/goals', goal({ scope: 'team', teamId: beta })).expect(201);
      await admin.post('/api/goals', goal({ scope: 'user', userId: diego })).expect(201);
      const scopes = (items: { scope: string; teamId: string | null; userId: string | null }[]) =>
        items.map((item) => `${item.scope}:${item.teamId ?? item.userId ?? ''}`).sort();
      expect(scopes((await agent.get('/api/goals').expect(200)).body.items)).toEqual([`user:${alice}`]);
      const managed = scopes((await manager.get('/api/goals').expect(200)).body.items);
      expect(managed).toEqual(['team:' + alpha, 'tenant:', 'tenant:', `user:${alice}`].sort());
      expect((await admin.get('/api/goals').expect(200)).body.items).toHaveLength(6);
      // Another team's goal is not there for the manager: 404, as for another tenant's.
      await manager.patch(`/api/goals/${beta_.body.id}`, { target: 3 }).expect(404);
      await manager.delete(`/api/goals/${beta_.body.id}`).expect(404);
    });

    it('changes target and first day (audited), refuses a manager on a tenant goal, deletes for good', async () => {
      const team = (await manager.get('/api/goals').expect(200)).body.items.find((item: { scope: string }) => item.scope === 'team');
      const changed = await manager.patch(`/api/goals/${team.id}`, { target: 12, activeFrom: '2026-06-01' }).expect(200);
      expect(changed.body).toMatchObject({ id: team.id, target: 12, activeFrom: '2026-06-01', metric: 'conversions' });
      await manager.patch(`/api/goals/${team.id}`, { metric: 'attendances' }).expect(400);
      const [audit] = await t.dataSource.query("SELECT changes FROM audit_logs WHERE action = 'goal.updated' AND entity_id = ?", [team.id]);
      expect(typeof audit.changes === 'string' ? JSON.parse(audit.changes) : audit.changes).toEqual({
        target: { from: 10, to: 12 },
        activeFrom: { from: expect.any(String), to: '2026-06-01' },
      });
      const tenantGoal = (await manager.get('/api/goals').expect(200)).body.items.find((item: { scope: string }) => item.scope === 'tenant');
      await manager.patch(`/api/goals/${tenantGoal.id}`, { target: 1 }).expect(403);
      await manager.delete(`/api/goals/${tenantGoal.id}`).expect(403);
      await manager.delete(`/api/goals/${team.id}`).expect(204);
      await manager.patch(`/api/goals/${team.id}`, { target: 1 }).expect(404);
      await manager.post('/api/goals', goal({ scope: 'team', teamId: alpha, metric: 'conversions', period: 'month' })).expect(201);
    });

    it('gives another tenant 404 and changes nothing', async () => {
      const [own] = (await admin.get('/api/goals').expect(200)).body.items;
      await acme.patch(`/api/goals/${own.id}`, { target: 99 }).expect(404);
      await acme.delete(`/api/goals/${own.id}`).expect(404);
      await acme.post('/api/goals', goal({ scope: 'team', teamId: alpha })).expect(404);
      await acme.post('/api/goals', goal({ scope: 'user', userId: alice })).expect(404);
      expect((await acme.get('/api/goals').expect(200)).body.items).toEqual([]);
      expect((await admin.get('/api/goals').expect(200)).body.items.find((item: { id: string }) => item.id === own.id)).toEqual(own);
    });
  });

  describe('progress', () => {
    // Thursday 2026-07-02 12:00 in São Paulo: half of the week Mon 06-29 … Sun 07-05, which straddles June and July.
    const NOW = new Date('2026-07-02T15:00:00Z');
    const progress = (scope: { teamId: string | null; userId: string | null }, which: 'current' | 'previous', now = NOW) =>
      t.app.get(TenantContext).runInTenant(tenantId, () => t.app.get(GoalProgressService).forScope(scope, which, now));
    const byMetric = (items: GoalProgressView[]) => Object.fromEntries(items.map(({ goal, ...rest }) => [`${goal.metric}/${goal.period}`, rest]));

    beforeAll(async () => {
      for (const [metric, target] of [
        ['attendances', 10],
        ['conversions', 4],
        ['sale_value', 3500],
        ['conversion_rate', 0.5],
      ] as const) {
        await manager.post('/api/goals', { scope: 'user', userId: alice, metric, period: 'week', target, activeFrom: '2026-06-01' }).expect(201);
      }
      await admin
        .post('/api/goals', { scope: 'team', teamId: alpha, metric: 'sale_value', period: 'month', target: 31000, activeFrom: '2026-06-01' })
        .expect(201);
      const base = { tenantId, userId: alice, teamId: alpha };
      await insertAttendances(t, [
        // Sunday 23:30 in São Paulo (Monday in UTC): the previous week, and June.
        { ...base, attendedAt: new Date('2026-06-29T02:30:00Z') },
        // Monday 00:30 local: this week.
        { ...base, attendedAt: new Date('2026-06-29T03:30:00Z') },
        { ...base, converted: true, saleValue: 1000, attendedAt: new Date('2026-06-30T15:00:00Z') },
        { ...base, converted: true, saleValue: 500, attendedAt: new Date('2026-07-01T12:00:00Z') },
        { ...base, converted: true, saleValue: 250, attendedAt: new Date('2026-07-02T12:00:00Z') },
        // Monday 00:30 local, next week; and another agent, not Alice's.
        { ...base, converted: true, attendedAt: new Date('2026-07-06T03:30:00Z') },
        { ...base, userId: bruno, converted: true, saleValue: 100, attendedAt: new Date('2026-07-01T12:00:00Z') },
      ]);
    });

    it('computes an agent’s week across a month boundary in the tenant’s time zone, with pace and projection', async () => {
      const week = { periodStart: '2026-06-29', periodEnd: '2026-07-05', elapsed: 0.5 };
      expect(byMetric(await progress({ teamId: alpha, userId: alice }, 'current'))).toEqual({
        // 4 attendances of 10; 5 expected by now → behind; projected 8.
        'attendances/week': { ...week, actual: 4, target: 10, percent: 40, expected: 5, projection: 8, status: 'behind', reached: false },
        'conversions/week': { ...week, actual: 3, target: 4, percent: 75, expected: 2, projection: 6, status: 'ahead', reached: false },
        'sale_value/week': { ...week, actual: 1750, target: 3500, percent: 50, expected: 1750, projection: 3500, status: 'on_track', reached: false },
        // A rate: held against the target all along, reached only when the week is over.
        'conversion_rate/week': { ...week, actual: 0.75, target: 0.5, percent: 150, expected: 0.5, projection: 0.75, status: 'ahead', reached: false },
      });
    });

    it('reports the previous week as finished, and a team’s month from its agents', async () => {
      const previous = byMetric(await progress({ teamId: null, userId: alice }, 'previous'));
      expect(previous['attendances/week']).toEqual({
        periodStart: '2026-06-22',
        periodEnd: '2026-06-28',
        elapsed: 1,
        actual: 1,
        target: 10,
        percent: 10,
        expected: 10,
        projection: 1,
        status: 'behind',
        reached: false,
      });
      expect(previous['conversion_rate/week']).toMatchObject({ actual: 0, status: 'behind', reached: false });
      const team = (await progress({ teamId: alpha, userId: null }, 'current')).filter((item) => item.goal.scope === 'team');
      // July so far: 500 + 250 (Alice) + 100 (Bruno) = 850 of 31000; 1.5 of 31 days gone → 1500 expected, 17566.67 projected.
      expect(byMetric(team)['sale_value/month']).toEqual({
        periodStart: '2026-07-01',
        periodEnd: '2026-07-31',
        elapsed: 0.0484,
        actual: 850,
        target: 31000,
        percent: 2.7,
        expected: 1500,
        projection: 17566.67,
        status: 'behind',
        reached: false,
      });
      const june = (await progress({ teamId: alpha, userId: null }, 'previous')).find(
        (item) => item.goal.scope === 'team' && item.goal.metric === 'sale_value',
      );
      expect(june).toMatchObject({ periodStart: '2026-06-01', periodEnd: '2026-06-30', actual: 1000, expected: 31000, status: 'behind' });
    });

    it('answers over HTTP scoped like the dashboard', async () => {
      const own = await agent.get('/api/goals/progress?period=previous').expect(200);
      expect(own.body.period).toBe('previous');
      expect(new Set(own.body.items.map((item: GoalProgressView) => item.goal.userId))).toEqual(new Set([alice]));
      await agent.get(`/api/goals/progress?userId=${bruno}`).expect(403);
      await manager.get(`/api/goals/progress?teamId=${beta}`).expect(403);
      const team = await manager.get('/api/goals/progress').expect(200);
      expect(team.body.items.every((item: GoalProgressView) => item.goal.teamId === alpha || item.goal.userId === alice)).toBe(true);
      await admin.get('/api/goals/progress?period=someday').expect(400);
      const acmeView = await acme.get('/api/goals/progress').expect(200);
      expect(acmeView.body.items).toEqual([]);
    });
  });

  describe('notifications', () => {
    it('says "meta batida" once per goal and period, however many ingests pass the target', async () => {
      const key = generateApiKey();
      await t.dataSource.getRepository(ApiKey).insert({ id: randomUUID(), tenantId, name: 'goals', prefix: key.prefix, keyHash: hashSecretToken(key.key) });
      const goalId = (await manager.post('/api/goals', { scope: 'user', userId: bruno, metric: 'attendances', period: 'week', target: 2 }).expect(201)).body.id;
      const endpoint = (await admin.post('/api/webhooks', { url: 'http://127.0.0.1:9/goals', events: ['goal.reached'] }).expect(201)).body;
      const ingest = async () => {
        const body = { external_id: `goal-${randomUUID()}`, agent_email: DEMO.otherAgent, attended_at: new Date().toISOString() };
        await t.http().post('/api/integration/attendances').set('x-api-key', key.key).send(body).expect(201);
        await t.app.get(BackgroundWork).settled();
      };
      await ingest();
      expect((await notificationsOf(NotificationType.GoalReached)).filter((row) => row.eventKey.includes(goalId))).toEqual([]);
      await ingest();
      await ingest();
      await ingest();
      const managerId = manager.session.body.user.id;
      const reached = (await notificationsOf(NotificationType.GoalReached)).filter((row) => row.eventKey.includes(goalId));
      expect(reached.map((row) => row.userId).sort()).toEqual([bruno, managerId].sort());
      // The hourly check finds it told already.
      await t.app.get(TenantContext).runAsSystem('job: goals.check', () => t.app.get(GoalCheckJob).run({ now: new Date(), slot: 'test' }));
      expect((await notificationsOf(NotificationType.GoalReached)).filter((row) => row.eventKey.includes(goalId))).toHaveLength(2);
      // Outbound webhooks hear it once too, queued with the event (issue 21: goal.reached).
      const deliveries = await t.dataSource.query('SELECT event, payload FROM webhook_deliveries WHERE endpoint_id = ?', [endpoint.id]);
      expect(deliveries).toHaveLength(1);
      expect(JSON.parse(deliveries[0].payload)).toMatchObject({
        type: 'goal.reached',
        data: { goal: { id: goalId, scope: 'user', user_id: bruno, metric: 'attendances', period: 'week', target: 2, actual: 2 } },
      });
      await admin.delete(`/api/webhooks/${endpoint.id}`).expect(204);
    });

    it('notifies once when checks race (the goal_events key decides)', async () => {
      // Alice's July conversions: 07-01, 07-02 and 07-06 → 3 of 3.
      const created = await manager.post('/api/goals', {
        scope: 'user',
        userId: alice,
        metric: 'conversions',
        period: 'month',
        target: 3,
        activeFrom: '2026-06-01',
      });
      const goal = await t.dataSource.getRepository(Goal).findOneByOrFail({ id: created.body.id });
      const now = new Date('2026-07-20T12:00:00Z');
      const told = await t.app
        .get(TenantContext)
        .runInTenant(tenantId, () => Promise.all([1, 2, 3, 4].map(() => t.app.get(GoalAlerts).reached([goal], 'current', now))));
      expect(told.reduce((sum, n) => sum + n, 0)).toBe(1);
      const rows = (await notificationsOf(NotificationType.GoalReached)).filter((row) => row.eventKey === `goal.reached:${goal.id}:2026-07-01`);
      expect(rows.map((row) => row.userId).sort()).toEqual([alice, manager.session.body.user.id].sort());
    });

    it('warns the team’s managers once when a goal is behind pace at mid-period', async () => {
      // Thursday 2026-07-16 12:00 local: half of July (15.5 of 31 days) and half of its week.
      const now = new Date('2026-07-16T15:00:00Z');
      const run = () => t.app.get(TenantContext).runAsSystem('job: goals.check', () => t.app.get(GoalCheckJob).run({ now, slot: 'test' }));
      await run();
      const [teamGoal] = await t.dataSource.query("SELECT id FROM goals WHERE team_id = ? AND metric = 'sale_value'", [alpha]);
      const behind = await notificationsOf(NotificationType.GoalBehindPace);
      expect(behind.filter((row) => row.eventKey === `goal.midpoint:${teamGoal.id}:2026-07-01`).map((row) => row.userId)).toEqual([
        manager.session.body.user.id,
      ]);
      const [text] = await t.dataSource.query('SELECT title, body FROM notifications WHERE event_key = ?', [`goal.midpoint:${teamGoal.id}:2026-07-01`]);
      expect(text.title).toBe('Meta abaixo do ritmo');
      expect(text.body.replace(/\s/g, ' ')).toBe('Valor vendido (mês) — Equipe Alpha: R$ 850,00 de R$ 31.000,00 na metade do período (esperado R$ 15.500,00).');
      await run();
      expect(await notificationsOf(NotificationType.GoalBehindPace)).toEqual(behind);
      const [{ n }] = await t.dataSource.query("SELECT COUNT(*) AS n FROM goal_events WHERE goal_id = ? AND kind = 'midpoint'", [teamGoal.id]);
      expect(Number(n)).toBe(1);
    });
  });
});
