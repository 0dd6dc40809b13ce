import type { DashboardSlice } from '@fasto/contracts';
import { randomUUID } from 'node:crypto';
import { catalogOf, insertAttendances } from './support/attendance-fixtures';
import { client, DEMO, type Client } from './support/auth-helpers';
import { startTestApp, type TestApp } from './support/test-app';

const RANGE = 'from=2026-03-10&to=2026-03-11';
const DAY_MS = 86_400_000;
/** The others bucket comes unnamed (`id: null, name: null`): the client names it. */
const OTHERS = '(others)';
const bySlice = (slices: DashboardSlice[]) => Object.fromEntries(slices.map((slice) => [slice.name ?? OTHERS, slice.count]));

/**
 * Hand-computed fixtures in the Demo tenant (America/Sao_Paulo, UTC−3). Alpha uses "Funil de
 * Vendas" / "Canais Digitais"; Beta "Funil Pós-venda" / "Eventos e Parcerias".
 */
describe('dashboard', () => {
  let t: TestApp;
  let admin: Client;
  let manager: Client;
  let agent: Client;
  let alphaId: string;
  let betaId: string;

  beforeAll(async () => {
    t = await startTestApp({ seed: true });
    [admin, manager, agent] = await Promise.all([client(t, DEMO.admin), client(t, DEMO.manager), client(t, DEMO.agent)]);
    const tenantId = admin.session.body.user.tenantId;
    const c = await catalogOf(t, tenantId);
    const alpha = c.team('Equipe Alpha');
    const beta = c.team('Equipe Beta');
    alphaId = alpha.id;
    betaId = beta.id;
    const alice = c.user(DEMO.agent).id;
    const bruno = c.user(DEMO.otherAgent).id;
    const diego = c.user('diego@demo.fasto.app').id;
    const stage = (name: string, funnelId: string | null) => c.stage(name, funnelId!).id;
    const temp = (await admin.post(`/api/funnels/${alpha.funnelId}/stages`, { name: 'Temporária', color: 'bg-lime-100' }).expect(201)).body.stages.find(
      (s: { name: string }) => s.name === 'Temporária',
    ).id;

    const base = { tenantId };
    await insertAttendances(t, [
      {
        ...base,
        userId: alice,
        teamId: alpha.id,
        funnelStageId: stage('Proposta', alpha.funnelId),
        originItemId: c.origin('Instagram').id,
        score: 80,
        firstResponseTimeMin: 10,
        attendedAt: new Date('2026-03-10T12:00:00Z'),
      },
      // 02:30 UTC on the 11th is 23:30 on the 10th in São Paulo.
      {
        ...base,
        userId: alice,
        teamId: alpha.id,
        funnelStageId: stage('Venda Fechada', alpha.funnelId),
        originItemId: c.origin('Site').id,
        score: 90,
        firstResponseTimeMin: 20,
        converted: true,
        saleValue: 1000.5,
        attendedAt: new Date('2026-03-11T02:30:00Z'),
      },
      { ...base, userId: bruno, teamId: alpha.id, attendedAt: new Date('2026-03-11T15:00:00Z') },
      // A Beta stage and origin on an Alpha attendance: the others bucket in Alpha's view.
      {
        ...base,
        userId: bruno,
        teamId: alpha.id,
        funnelStageId: stage('Suporte', beta.funnelId),
        originItemId: c.origin('Feira').id,
        score: 40,
        firstResponseTimeMin: 100,
        converted: true,
        saleValue: 500,
        attendedAt: new Date('2026-03-11T03:00:00Z'),
      },
      {
        ...base,
        userId: diego,
        teamId: beta.id,
        funnelStageId: stage('Onboarding', beta.funnelId),
        originItemId: c.origin('Webinar').id,
        score: 70,
        firstResponseTimeMin: 5,
        attendedAt: new Date('2026-03-10T18:00:00Z'),
      },
      {
        ...base,
        userId: alice,
        teamId: alpha.id,
        funnelStageId: temp,
        originItemId: c.origin('Instagram').id,
        score: 50,
        attendedAt: new Date('2026-03-10T13:00:00Z'),
      },
      // Previous period (03-08..03-09) and after the range.
      {
        ...base,
        userId: alice,
        teamId: alpha.id,
        funnelStageId: stage('Proposta', alpha.funnelId),
        score: 60,
        converted: true,
        saleValue: 200,
        attendedAt: new Date('2026-03-09T12:00:00Z'),
      },
      { ...base, userId: alice, teamId: alpha.id, score: 10, attendedAt: new Date('2026-03-12T12:00:00Z') },
    ]);
    // The temporary stage is deleted after use: its attendance now counts as the others bucket.
    await admin.delete(`/api/funnels/${alpha.funnelId}/stages/${temp}`).expect(200);
  });
  afterAll(() => t.close());

  it('computes the tenant-wide KPIs, the previous period and the daily series (tenant days)', async () => {
    const { body } = await admin.get(`/api/dashboard?${RANGE}`).expect(200);
    expect(body.range).toEqual({ from: '2026-03-10', to: '2026-03-11' });
    expect(body.previousRange).toEqual({ from: '2026-03-08', to: '2026-03-09' });
    expect(body.totals).toEqual({ attendances: 6, converted: 2, conversionRate: 0.3333, avgScore: 66, avgFirstResponseMin: 33.8, saleValue: 1500.5 });
    expect(body.previousTotals).toEqual({ attendances: 1, converted: 1, conversionRate: 1, avgScore: 60, avgFirstResponseMin: null, saleValue: 200 });
    expect(body.previousUntil).toBeNull();
    expect(body.daily).toEqual([
      { date: '2026-03-10', attendances: 4, converted: 1 },
      { date: '2026-03-11', attendances: 2, converted: 1 },
    ]);
  });

  it('compares a range that includes today with the same elapsed time of the previous period', async () => {
    const tenantId = admin.session.body.user.tenantId;
    const teamId = (await admin.post('/api/teams', { name: 'Equipe Relógio' }).expect(201)).body.id;
    const dayIn = (instant: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo' }).format(instant);
    const [today, yesterday] = [dayIn(Date.now()), dayIn(Date.now() - DAY_MS)];
    const query = `/api/dashboard?from=${yesterday}&to=${today}&teamId=${teamId}`;

    const first = (await admin.get(query).expect(200)).body;
    expect(first.previousRange).toEqual({ from: dayIn(Date.now() - 3 * DAY_MS), to: dayIn(Date.now() - 2 * DAY_MS) });
    // São Paulo keeps no daylight saving: the same local time two days ago is 48 hours ago.
    const until = Date.parse(first.previousUntil);
    expect(Math.abs(until - (Date.now() - 2 * DAY_MS))).toBeLessThan(10_000);

    await insertAttendances(t, [
      { tenantId, teamId, converted: true, saleValue: 100, attendedAt: new Date(Date.parse(`${first.previousRange.from}T12:00:00-03:00`)) },
      { tenantId, teamId, score: 80, attendedAt: new Date(until - 60_000) },
      // Later in the day than it is now: a partial today is not measured against it.
      { tenantId, teamId, score: 20, converted: true, saleValue: 999, attendedAt: new Date(until + 60_000) },
    ]);
    const { body } = await admin.get(query).expect(200);
    expect(body.previousTotals).toMatchObject({ attendances: 2, converted: 1, avgScore: 80, saleValue: 100 });
  });

  it('counts every known stage and origin tenant-wide, with deleted or missing ones in the others bucket', async () => {
    const { body } = await admin.get(`/api/dashboard?${RANGE}`).expect(200);
    expect(bySlice(body.byStage)).toMatchObject({ Proposta: 1, 'Venda Fechada': 1, Suporte: 1, Onboarding: 1, [OTHERS]: 2, 'Novo Lead': 0 });
    expect(bySlice(body.byOrigin)).toMatchObject({ Instagram: 2, Site: 1, Feira: 1, Webinar: 1, [OTHERS]: 1 });
    const others = body.byStage.find((slice: DashboardSlice) => slice.id === null);
    expect(others).toEqual({ id: null, name: null, color: expect.stringMatching(/^bg-/), count: 2 });
    expect(body.byStage.find((slice: DashboardSlice) => slice.name === 'Proposta').color).toBe('bg-amber-500');
  });

  it('uses the selected team’s funnel and origin group: anything else is in the others bucket', async () => {
    const { body } = await admin.get(`/api/dashboard?${RANGE}&teamId=${alphaId}`).expect(200);
    expect(body.totals.attendances).toBe(5);
    expect(body.byStage.map((slice: DashboardSlice) => slice.name)).toEqual([
      'Novo Lead',
      'Qualificação',
      'Proposta',
      'Negociação',
      'Venda Fechada',
      'Perdido',
      null,
    ]);
    expect(bySlice(body.byStage)).toMatchObject({ Proposta: 1, 'Venda Fechada': 1, [OTHERS]: 3 });
    expect(body.byStage.filter((slice: DashboardSlice) => slice.won).map((slice: DashboardSlice) => slice.name)).toEqual(['Venda Fechada']);
    expect(body.byOrigin.some((slice: DashboardSlice) => 'won' in slice)).toBe(false);
    expect(bySlice(body.byOrigin)).toEqual({ Instagram: 2, 'Facebook Ads': 0, 'Google Ads': 0, Site: 1, Indicação: 0, [OTHERS]: 2 });
  });

  it('ranks agents, by attendances by default or by a chosen metric', async () => {
    const { body } = await admin.get(`/api/dashboard?${RANGE}`).expect(200);
    expect(body.byAgent).toEqual([
      {
        userId: expect.any(String),
        name: 'Alice Atendente',
        agentState: 'known',
        attendances: 3,
        converted: 1,
        conversionRate: 0.3333,
        avgScore: 73.3,
        avgFirstResponseMin: 15,
        saleValue: 1000.5,
      },
      {
        userId: expect.any(String),
        name: 'Bruno Souza',
        agentState: 'known',
        attendances: 2,
        converted: 1,
        conversionRate: 0.5,
        avgScore: 40,
        avgFirstResponseMin: 100,
        saleValue: 500,
      },
      {
        userId: expect.any(String),
        name: 'Diego Ramos',
        agentState: 'known',
        attendances: 1,
        converted: 0,
        conversionRate: 0,
        avgScore: 70,
        avgFirstResponseMin: 5,
        saleValue: 0,
      },
    ]);
    const byRate = await admin.get(`/api/dashboard?${RANGE}&sort=conversionRate`).expect(200);
    expect(byRate.body.byAgent.map((row: { name: string }) => row.name)).toEqual(['Bruno Souza', 'Alice Atendente', 'Diego Ramos']);
    await admin.get(`/api/dashboard?${RANGE}&sort=name`).expect(400);
  });

  it('sends a removed user and attendances without an agent as codes, never as a name', async () => {
    const tenantId = admin.session.body.user.tenantId;
    const gone = randomUUID();
    const attendedAt = new Date('2025-06-02T15:00:00Z');
    await insertAttendances(t, [
      { tenantId, userId: null, attendedAt },
      { tenantId, userId: null, attendedAt },
      { tenantId, userId: gone, attendedAt },
    ]);
    const { body } = await admin.get('/api/dashboard?from=2025-06-02&to=2025-06-02').expect(200);
    expect(body.byAgent).toEqual([
      expect.objectContaining({ userId: null, name: null, agentState: 'none', attendances: 2 }),
      expect.objectContaining({ userId: gone, name: null, agentState: 'removed', attendances: 1 }),
    ]);
  });

  it('shows a manager their team and an agent their own numbers; a filter never widens the scope', async () => {
    const team = await manager.get(`/api/dashboard?${RANGE}`).expect(200);
    expect(team.body.totals.attendances).toBe(5);
    await manager.get(`/api/dashboard?${RANGE}&teamId=${betaId}`).expect(403);

    const own = await agent.get(`/api/dashboard?${RANGE}`).expect(200);
    expect(own.body.totals).toMatchObject({ attendances: 3, converted: 1, saleValue: 1000.5 });
    expect(own.body.byAgent.map((row: { name: string }) => row.name)).toEqual(['Alice Atendente']);
    expect(bySlice(own.body.byStage)).toMatchObject({ Proposta: 1, 'Venda Fechada': 1, [OTHERS]: 1 });
    const bruno = (await admin.get('/api/users?q=bruno').expect(200)).body.items[0].id;
    await agent.get(`/api/dashboard?${RANGE}&userId=${bruno}`).expect(403);
  });

  it('gives the same answer when whole months come from the monthly rollups', async () => {
    // March is read from monthly rows, the February and April edges from daily rows.
    const { body } = await admin.get('/api/dashboard?from=2026-02-15&to=2026-04-10').expect(200);
    expect(body.totals).toMatchObject({ attendances: 8, converted: 3, saleValue: 1700.5 });
    const sum = (items: { count?: number; attendances?: number }[]) => items.reduce((total, item) => total + (item.count ?? item.attendances ?? 0), 0);
    expect(sum(body.daily)).toBe(8);
    expect(sum(body.byStage)).toBe(8);
    expect(sum(body.byOrigin)).toBe(8);
    expect(sum(body.byAgent)).toBe(8);
  });

  it('answers an empty range with zeros, not errors', async () => {
    const { body } = await admin.get('/api/dashboard?from=2025-01-01&to=2025-01-31').expect(200);
    expect(body.totals).toEqual({ attendances: 0, converted: 0, conversionRate: 0, avgScore: null, avgFirstResponseMin: null, saleValue: 0 });
    expect(body.daily).toHaveLength(31);
    expect(body.daily.every((day: { attendances: number }) => day.attendances === 0)).toBe(true);
    expect(body.byAgent).toEqual([]);
  });

  it('validates the range: bad dates, from after to, more than two years', async () => {
    await admin.get('/api/dashboard?from=2026-02-30&to=2026-03-01').expect(400);
    await admin.get('/api/dashboard?from=10/03/2026').expect(400);
    await admin.get('/api/dashboard?from=2026-03-11&to=2026-03-10').expect(400);
    const long = await admin.get('/api/dashboard?from=2022-01-01&to=2026-01-01').expect(400);
    expect(long.body.message).toMatch(/at most 731 days/);
    const defaults = await admin.get('/api/dashboard').expect(200);
    expect(defaults.body.daily).toHaveLength(30);
  });
});
