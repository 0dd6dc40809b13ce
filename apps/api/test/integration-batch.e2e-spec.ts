import { randomUUID } from 'node:crypto';
import { DomainEvents, type DomainEventMap } from '../src/core/events/domain-events';
import { generateApiKey } from '../src/core/auth/api-key-format';
import { hashSecretToken } from '../src/core/auth/secret-token';
import { ApiKey } from '../src/modules/integration/entities/api-key.entity';
import { client, DEMO, type Client } from './support/auth-helpers';
import { startTestApp, type TestApp } from './support/test-app';

/** The bulk path of POST /integration/attendances/batch keeps the single-post semantics. */
describe('integration: batch ingest', () => {
  let t: TestApp;
  let admin: Client;
  let key: string;
  let tenantId: string;
  const recorded: DomainEventMap['attendance.recorded'][] = [];

  const batch = (items: object[]) => t.http().post('/api/integration/attendances/batch').set('x-api-key', key).send({ items }).expect(200);
  const payload = (overrides: Record<string, unknown> = {}) => ({
    external_id: `batch-${randomUUID()}`,
    agent_email: 'Agent@Demo.Fasto.App',
    stage_name: 'negociacao',
    origin_name: 'INSTAGRAM',
    customer_name: 'Maria Souza',
    score: 72,
    first_response_time_min: 4.5,
    converted: false,
    attended_at: '2026-03-10T12:00:00-03:00',
    ...overrides,
  });
  const stored = async (externalId: string) =>
    (
      await t.dataSource.query(
        'SELECT id, score, converted, user_id AS userId, funnel_stage_id AS stageId, origin_item_id AS originId FROM attendances WHERE external_id = ?',
        [externalId],
      )
    ).map((row: Record<string, unknown>) => ({ ...row, converted: Boolean(row['converted']), score: Number(row['score']) }));

  /** Each rollup table, summed, against a plain count of the live attendances. */
  async function expectRollupsToAddUp(): Promise<void> {
    const [live] = await t.dataSource.query(
      'SELECT COUNT(*) AS attendances, SUM(CASE WHEN converted THEN 1 ELSE 0 END) AS converted FROM attendances WHERE tenant_id = ? AND deleted_at IS NULL',
      [tenantId],
    );
    for (const table of ['attendance_rollup_totals', 'attendance_rollup_team_totals']) {
      const [sums] = await t.dataSource.query(
        `SELECT SUM(attendances) AS attendances, SUM(converted) AS converted FROM ${table} WHERE tenant_id = ? AND grain = 'D'`,
        [tenantId],
      );
      expect({ table, attendances: Number(sums.attendances), converted: Number(sums.converted) }).toEqual({
        table,
        attendances: Number(live.attendances),
        converted: Number(live.converted),
      });
    }
    for (const table of ['attendance_rollup_stages', 'attendance_rollup_origins', 'attendance_rollup_team_stages', 'attendance_rollup_team_origins']) {
      const [sums] = await t.dataSource.query(`SELECT SUM(attendances) AS attendances FROM ${table} WHERE tenant_id = ? AND grain = 'M'`, [tenantId]);
      expect({ table, attendances: Number(sums.attendances) }).toEqual({ table, attendances: Number(live.attendances) });
    }
  }

  beforeAll(async () => {
    t = await startTestApp({ seed: true });
    admin = await client(t, DEMO.admin);
    tenantId = admin.session.body.user.tenantId;
    const generated = generateApiKey();
    await t.dataSource
      .getRepository(ApiKey)
      .insert({ id: randomUUID(), tenantId, name: 'n8n', prefix: generated.prefix, keyHash: hashSecretToken(generated.key) });
    key = generated.key;
    // The batch announces its writes in one event (one notification pass per batch).
    t.app.get(DomainEvents).on('attendances.recorded', (event) => void recorded.push(...event.records));
  });
  afterAll(() => t.close());

  it('creates new items and lets a later item of the batch update an earlier one', async () => {
    const first = payload();
    const second = payload();
    recorded.length = 0;
    const response = await batch([first, second, { ...first, score: 90 }]);
    const [a, b, again] = response.body.results;
    expect([a.status, b.status, again.status]).toEqual(['created', 'created', 'updated']);
    expect(again.id).toBe(a.id);
    expect(await stored(first.external_id)).toEqual([expect.objectContaining({ id: a.id, score: 90 })]);
    expect(recorded.map((event) => [event.attendanceId, event.before?.score ?? null, event.after.score])).toEqual([
      [a.id, null, 72],
      [b.id, null, 72],
      [a.id, 72, 90],
    ]);
    await expectRollupsToAddUp();
  });

  it('undoes the rows it inserted as all-new when a later statement meets a stored id, then stores each item once', async () => {
    // Three rows go in as two statements (2 + 1): the first succeeds before the second meets the
    // stored id, and the batch must return to its savepoint before reading what is stored.
    const kept = payload();
    await batch([kept]);
    const [first, second] = [payload(), payload()];
    recorded.length = 0;
    const response = await batch([first, second, kept]);
    expect(response.body.results.map((result: { status: string }) => result.status)).toEqual(['created', 'created', 'unchanged']);
    for (const item of [first, second, kept]) expect(await stored(item.external_id)).toHaveLength(1);
    expect(recorded.map((event) => event.attendanceId)).toEqual(response.body.results.slice(0, 2).map((result: { id: string }) => result.id));
    await expectRollupsToAddUp();
  });

  it('updates stored rows, leaves unchanged and deleted ones alone, and the rollups still add up', async () => {
    const [kept, changed, deleted] = [payload(), payload(), payload()];
    const ids = (await batch([kept, changed, deleted])).body.results.map((result: { id: string }) => result.id);
    await admin.delete(`/api/attendances/${ids[2]}`).expect(204);
    recorded.length = 0;

    const fresh = payload({ converted: true, sale_value: 120.5 });
    const response = await batch([kept, { ...changed, converted: true, sale_value: 99.9 }, deleted, fresh]);
    expect(response.body.results.map((result: { status: string; id: string }) => [result.status, result.id])).toEqual([
      ['unchanged', ids[0]],
      ['updated', ids[1]],
      ['unchanged', ids[2]],
      ['created', expect.any(String)],
    ]);
    expect(response.body.results[2].warnings).toEqual(['this attendance was deleted in Fasto; the update was ignored']);
    expect(recorded.map((event) => event.attendanceId)).toEqual([ids[1], response.body.results[3].id]);
    expect(await stored(changed.external_id)).toEqual([expect.objectContaining({ converted: true })]);
    await expectRollupsToAddUp();
  });

  it('reads stored rows back with every field typed as posted: a full re-post is unchanged', async () => {
    // Booleans, dates, decimals and nulls come back from a plain locking read; a value read back
    // with another type (a tinyint, a string decimal) would make every retry an "update".
    const full = payload({
      user_id: undefined,
      converted: true,
      sale_value: 1234.56,
      handling_time_min: 0,
      customer_phone: '+55 11 98888-7777',
      title: 'Pedido',
      summary: 'Resumo',
      full_summary: 'Resumo completo',
      channel: 'instagram',
    });
    const bare = payload({ agent_email: undefined, stage_name: undefined, origin_name: undefined, score: undefined, first_response_time_min: undefined });
    const first = (await batch([full, bare])).body.results;
    expect(first.map((result: { status: string }) => result.status)).toEqual(['created', 'created']);
    const again = (await batch([full, bare])).body.results;
    expect(again.map((result: { status: string; id: string }) => [result.status, result.id])).toEqual([
      ['unchanged', first[0].id],
      ['unchanged', first[1].id],
    ]);
  });

  it('keeps one row per external id when parallel batches race on the same new and stored ids', async () => {
    // Under READ COMMITTED (MySQL) the locking read no longer locks the gaps where new ids go: a
    // racing batch meets the unique index instead, and is then stored item by item.
    const stored0 = payload();
    await batch([stored0]);
    const shared = Array.from({ length: 20 }, () => payload());
    const responses = await Promise.all(Array.from({ length: 6 }, (_, worker) => batch([...shared, { ...stored0, score: 60 + worker }, payload()])));
    for (const response of responses) {
      expect(response.body.results.every((result: { status: string }) => ['created', 'updated', 'unchanged'].includes(result.status))).toBe(true);
    }
    for (const item of shared) expect(await stored(item.external_id)).toHaveLength(1);
    const createdShared = responses
      .flatMap((response) => response.body.results.slice(0, 20))
      .filter((result: { status: string }) => result.status === 'created');
    expect(createdShared).toHaveLength(20);
    expect(await stored(stored0.external_id)).toHaveLength(1);
    await expectRollupsToAddUp();
  });

  it('resolves references and words warnings exactly like a single post', async () => {
    const known = payload();
    const unknown = payload({ agent_email: 'nobody@nowhere.example', stage_name: 'no such stage', origin_id: randomUUID() });
    const single = await t.http().post('/api/integration/attendances').set('x-api-key', key).send(known).expect(201);
    const singleUnknown = await t.http().post('/api/integration/attendances').set('x-api-key', key).send(unknown).expect(201);
    const response = await batch([
      { ...known, external_id: `${known.external_id}-b` },
      { ...unknown, external_id: `${unknown.external_id}-b` },
    ]);
    const pick = ({ userId, stageId, originId }: Record<string, unknown>) => ({ userId, stageId, originId });
    expect((await stored(`${known.external_id}-b`)).map(pick)).toEqual((await stored(known.external_id)).map(pick));
    expect((await stored(known.external_id))[0].userId).not.toBeNull();
    expect(response.body.results[0].warnings).toBeUndefined();
    expect(single.body.warnings).toEqual([]);
    expect(response.body.results[1].warnings).toEqual(singleUnknown.body.warnings);
    expect(singleUnknown.body.warnings).toHaveLength(3);
  });

  it('gives an item with text that is not valid Unicode its own error, not the whole batch a 500', async () => {
    // validator.js's email check throws on a lone UTF-16 surrogate; a single post answers 400.
    const good = payload();
    const broken = payload({ agent_email: '\ud800@demo.fasto.app' });
    const single = await t.http().post('/api/integration/attendances').set('x-api-key', key).send(broken).expect(400);
    const response = await batch([good, broken]);
    expect(response.body.results.map((result: { status: string }) => result.status)).toEqual(['created', 'error']);
    expect(response.body.results[1].error.message).toBe(single.body.message);
    expect(await stored(broken.external_id)).toEqual([]);
  });
});
