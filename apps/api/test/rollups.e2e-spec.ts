import { randomUUID } from 'node:crypto';
import { generateApiKey } from '../src/core/auth/api-key-format';
import { TenantContext } from '../src/core/tenancy/tenant-context';
import { hashSecretToken } from '../src/core/auth/secret-token';
import { Attendance } from '../src/modules/attendances/entities/attendance.entity';
import { Transactions } from '../src/core/database/transactions';
import { RollupDelta, type AttendanceFacts } from '../src/modules/attendances/rollups/rollup-delta';
import { RollupsRepository } from '../src/modules/attendances/rollups/rollups.repository';
import { factsOf, RollupRebuildService } from '../src/modules/attendances/rollups/rollup-rebuild.service';
import { ApiKey } from '../src/modules/integration/entities/api-key.entity';
import { Tenant } from '../src/modules/tenants/entities/tenant.entity';
import { client, DEMO, type Client } from './support/auth-helpers';
import { startTestApp, type TestApp } from './support/test-app';

type Row = Record<string, unknown>;
const normalise = (rows: Row[]) =>
  rows
    .map((row) =>
      Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value])),
    )
    .filter((row) => Object.values(row).some((value) => typeof value === 'number' && value !== 0))
    // Fields in name order: a row compares by its values, whatever order its object was built in.
    .map((row) => JSON.stringify(row, Object.keys(row).sort()))
    .sort();

/** The rollups as stored, and as a raw recount of the attendances says they should be. */
async function compare(t: TestApp): Promise<{ stored: string[]; recount: string[] }[]> {
  const tenants = await t.dataSource.getRepository(Tenant).find();
  const delta = new RollupDelta();
  for (const row of await t.dataSource.getRepository(Attendance).find()) {
    delta.add(factsOf(row), 1, tenants.find((tenant) => tenant.id === row.tenantId)!.timezone);
  }
  const expected = delta.rows();
  const tables: [string, string, Row[]][] = [
    [
      'attendance_rollup_totals',
      'tenant_id AS tenantId, grain, period, user_id AS userId, team_id AS teamId, attendances, converted, score_sum AS scoreSum, score_count AS scoreCount, first_response_sum AS firstResponseSum, first_response_count AS firstResponseCount, sale_value_sum AS saleValueSum',
      expected.totals as unknown as Row[],
    ],
    [
      'attendance_rollup_stages',
      'tenant_id AS tenantId, grain, period, user_id AS userId, team_id AS teamId, stage_id AS stageId, attendances',
      expected.stages as unknown as Row[],
    ],
    [
      'attendance_rollup_origins',
      'tenant_id AS tenantId, grain, period, user_id AS userId, team_id AS teamId, origin_id AS originId, attendances',
      expected.origins as unknown as Row[],
    ],
    [
      'attendance_rollup_team_totals',
      'tenant_id AS tenantId, grain, period, team_id AS teamId, attendances, converted, score_sum AS scoreSum, score_count AS scoreCount, first_response_sum AS firstResponseSum, first_response_count AS firstResponseCount, sale_value_sum AS saleValueSum',
      expected.teamTotals as unknown as Row[],
    ],
    [
      'attendance_rollup_team_stages',
      'tenant_id AS tenantId, grain, period, team_id AS teamId, stage_id AS stageId, attendances',
      expected.teamStages as unknown as Row[],
    ],
    [
      'attendance_rollup_team_origins',
      'tenant_id AS tenantId, grain, period, team_id AS teamId, origin_id AS originId, attendances',
      expected.teamOrigins as unknown as Row[],
    ],
  ];
  const results = [];
  for (const [table, columns, rows] of tables) {
    const stored: Row[] = await t.dataSource.query(`SELECT ${columns} FROM ${table}`);
    // The recount's rows carry every key and measure: keep the ones this table stores.
    const names = columns.split(',').map((column) => column.trim().split(' AS ').pop()!);
    const recount = rows.map((row) => Object.fromEntries(names.map((name) => [name, row[name]])));
    // SQLite keeps decimals as REAL: compare money to the cent and minutes to the thousandth.
    const fixed = (value: unknown, decimals: number) => Math.round(Number(value) * 10 ** decimals) / 10 ** decimals;
    const round = (rows: Row[]) =>
      rows.map((row) => ({
        ...row,
        ...(row['saleValueSum'] !== undefined ? { saleValueSum: fixed(row['saleValueSum'], 2), firstResponseSum: fixed(row['firstResponseSum'], 3) } : {}),
      }));
    results.push({ stored: normalise(round(stored)), recount: normalise(round(recount)) });
  }
  return results;
}

describe('rollups', () => {
  let t: TestApp;
  let admin: Client;

  beforeAll(async () => {
    t = await startTestApp({ seed: { attendances: true } });
    admin = await client(t, DEMO.admin);
  });
  afterAll(() => t.close());

  it('equal a raw recount after seeding', async () => {
    for (const { stored, recount } of await compare(t)) expect(stored).toEqual(recount);
  });

  it('still equal a raw recount after updates, deletions and a stage deletion', async () => {
    const page = (await admin.get('/api/attendances?limit=30').expect(200)).body.items;
    const funnel = (await admin.get('/api/funnels').expect(200)).body.items.find((item: { name: string }) => item.name === 'Funil de Vendas');
    const won = funnel.stages.find((stage: { isWon: boolean }) => stage.isWon).id;
    for (const [index, item] of page.slice(0, 10).entries()) {
      await admin
        .patch(`/api/attendances/${item.id}`, index % 2 ? { converted: !item.converted, saleValue: 99.99 } : { funnelStageId: won, originItemId: null })
        .expect(200);
    }
    for (const item of page.slice(10, 15)) await admin.delete(`/api/attendances/${item.id}`).expect(204);
    const negotiation = funnel.stages.find((stage: { name: string }) => stage.name === 'Negociação').id;
    await admin.delete(`/api/funnels/${funnel.id}/stages/${negotiation}`).expect(200);

    for (const { stored, recount } of await compare(t)) expect(stored).toEqual(recount);
  });

  it('still equal a raw recount after ingests, retries, a 20-parallel race and a batch with repeats', async () => {
    // A retried post's INSERT fails on the unique key and must take its rollup upserts down with it
    // (they travel in the same round trip on MySQL/MariaDB).
    const generated = generateApiKey();
    const tenantId = admin.session.body.user.tenantId;
    await t.dataSource
      .getRepository(ApiKey)
      .insert({ id: randomUUID(), tenantId, name: 'n8n', prefix: generated.prefix, keyHash: hashSecretToken(generated.key) });
    const post = (path: string, body: object) => t.http().post(`/api/integration/${path}`).set('x-api-key', generated.key).send(body);
    const item = (externalId: string, score: number) => ({
      external_id: externalId,
      agent_email: DEMO.agent,
      stage_name: 'Proposta',
      origin_name: 'Instagram',
      score,
      first_response_time_min: 7,
      converted: score > 80,
      sale_value: score > 80 ? 150.5 : null,
      attended_at: '2026-03-10T23:30:00-03:00',
    });
    const single = `rollup-${randomUUID()}`;
    await post('attendances', item(single, 70)).expect(201);
    await post('attendances', item(single, 70)).expect(200); // unchanged
    await post('attendances', item(single, 90)).expect(200); // updated
    const raced = `rollup-race-${randomUUID()}`;
    const statuses = await Promise.all(Array.from({ length: 20 }, () => post('attendances', item(raced, 60)).then((response) => response.status)));
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    const repeated = `rollup-batch-${randomUUID()}`;
    const batch = await post('attendances/batch', {
      items: [item(repeated, 40), item(`rollup-${randomUUID()}`, 85), item(repeated, 95), item(single, 90)],
    }).expect(200);
    expect(batch.body.results.map((result: { status: string }) => result.status)).toEqual(['created', 'created', 'updated', 'unchanged']);

    for (const { stored, recount } of await compare(t)) expect(stored).toEqual(recount);
  });

  it('are rebuilt identically from scratch, and follow a time zone change', async () => {
    const before = await compare(t);
    await t.app.get(TenantContext).runInTenant(admin.session.body.user.tenantId, () => t.app.get(RollupRebuildService).rebuild());
    expect(await compare(t)).toEqual(before);

    await admin.patch('/api/tenant', { timezone: 'Asia/Tokyo' }).expect(200);
    // The rebuild runs after the response; wait until the recount matches.
    for (let attempt = 0; attempt < 50; attempt++) {
      const now = await compare(t);
      if (now.every(({ stored, recount }) => JSON.stringify(stored) === JSON.stringify(recount))) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    for (const { stored, recount } of await compare(t)) expect(stored).toEqual(recount);
    const days = await t.dataSource.query("SELECT COUNT(DISTINCT period) AS n FROM attendance_rollup_totals WHERE grain = 'D' AND tenant_id = ?", [
      admin.session.body.user.tenantId,
    ]);
    expect(Number(days[0].n)).toBeGreaterThan(100);
  });

  it('move only inside a transaction, and only in the scope tenant', async () => {
    const tenantId = admin.session.body.user.tenantId as string;
    const rollups = t.app.get(RollupsRepository);
    const facts: AttendanceFacts = {
      tenantId,
      attendedAt: new Date('2026-03-10T12:00:00Z'),
      userId: null,
      teamId: null,
      funnelStageId: null,
      originItemId: null,
      converted: false,
      score: null,
      firstResponseTimeMin: null,
      saleValue: null,
    };
    const inTenant = <T>(work: () => Promise<T>) => t.app.get(TenantContext).runInTenant(tenantId, work);
    await expect(inTenant(() => rollups.apply(new RollupDelta().add(facts, 1, 'UTC')))).rejects.toThrow(/only inside a transaction/);
    const foreign = new RollupDelta().add({ ...facts, tenantId: 'another-tenant' }, 1, 'UTC');
    await expect(inTenant(() => t.app.get(Transactions).run(() => rollups.apply(foreign)))).rejects.toThrow(/tenant another-tenant/);
    for (const { stored, recount } of await compare(t)) expect(stored).toEqual(recount);
  });
});
