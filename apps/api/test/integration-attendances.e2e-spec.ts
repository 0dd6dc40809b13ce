import { randomUUID } from 'node:crypto';
import { generateApiKey } from '../src/core/auth/api-key-format';
import { hashSecretToken } from '../src/core/auth/secret-token';
import { ApiKey } from '../src/modules/integration/entities/api-key.entity';
import { insertAttendances } from './support/attendance-fixtures';
import { client, DEMO, idOf, type Client } from './support/auth-helpers';
import { startTestApp, type TestApp } from './support/test-app';

interface Synced {
  id: string;
  external_id: string;
  title: string | null;
  updated_at: string;
  deleted_at: string | null;
  [field: string]: unknown;
}

const BASE = Date.UTC(2025, 0, 1);
const encode = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/** `GET /api/integration/attendances`: an n8n sync reads every change once, in order, of its own tenant only. */
describe('integration: attendance sync read-back', () => {
  let t: TestApp;
  let admin: Client;
  let demoKey: string;
  let acmeKey: string;
  const demoIds: string[] = [];
  const acmeIds: string[] = [];

  const keyFor = async (tenantId: string) => {
    const generated = generateApiKey();
    await t.dataSource
      .getRepository(ApiKey)
      .insert({ id: randomUUID(), tenantId, name: 'sync', prefix: generated.prefix, keyHash: hashSecretToken(generated.key) });
    return generated.key;
  };
  const read = (key: string, query: Record<string, string | number> = {}) => t.http().get('/api/integration/attendances').query(query).set('x-api-key', key);
  const readAll = async (key: string, limit = 200) => {
    const items: Synced[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string | number> = { limit };
      if (cursor) query['cursor'] = cursor;
      const body: { items: Synced[]; next_cursor: string | null } = (await read(key, query).expect(200)).body;
      items.push(...body.items);
      cursor = body.next_cursor;
    } while (cursor);
    return items;
  };
  const inOrder = (items: Synced[]) =>
    items.every((item, index) => {
      const previous = items[index - 1];
      return !previous || previous.updated_at < item.updated_at || (previous.updated_at === item.updated_at && previous.id < item.id);
    });

  beforeAll(async () => {
    t = await startTestApp({ seed: true });
    admin = await client(t, DEMO.admin);
    const demo = await idOf(t, DEMO.admin);
    const acme = await idOf(t, DEMO.acmeAdmin);
    demoKey = await keyFor(demo.tenantId);
    acmeKey = await keyFor(acme.tenantId);
    // 30 rows changed in the past, three per second (ties the id must break), one with milliseconds.
    const rows = await insertAttendances(
      t,
      Array.from({ length: 30 }, (_, i) => ({
        tenantId: demo.tenantId,
        attendedAt: new Date(BASE - 86_400_000),
        updatedAt: new Date(BASE + Math.floor(i / 3) * 1000 + (i === 29 ? 500 : 0)),
        title: `row ${i}`,
      })),
    );
    demoIds.push(...rows.map((row) => row.id));
    const foreign = await insertAttendances(
      t,
      Array.from({ length: 3 }, () => ({ tenantId: acme.tenantId, attendedAt: new Date(BASE - 86_400_000), updatedAt: new Date(BASE + 1000) })),
    );
    acmeIds.push(...foreign.map((row) => row.id));
  });
  afterAll(() => t.close());

  it('pages through every change once, and meets rows changed mid-sync again with their new values, deletions included', async () => {
    const seen: Synced[] = [];
    let response = await read(demoKey, { limit: 5 }).expect(200);
    seen.push(...response.body.items);
    const first = response.body.items as Synced[];
    // The oldest changes first: rows 0-2 (the first second), then two of the three of the next second.
    expect(
      first
        .slice(0, 3)
        .map((item) => item.title)
        .sort(),
    ).toEqual(['row 0', 'row 1', 'row 2']);
    expect(first.slice(3).every((item) => ['row 3', 'row 4', 'row 5'].includes(item.title!))).toBe(true);
    // Between pages: a row already read and one not yet read change, one not yet read is deleted, one is new.
    const alreadyRead = first[0].id;
    const notYetRead = demoIds.find((id) => !seen.some((item) => item.id === id))!;
    const deletedLater = demoIds.filter((id) => !seen.some((item) => item.id === id))[5];
    await admin.patch(`/api/attendances/${alreadyRead}`, { converted: true, saleValue: 120.5 }).expect(200);
    await admin.patch(`/api/attendances/${notYetRead}`, { converted: true }).expect(200);
    await admin.delete(`/api/attendances/${deletedLater}`).expect((res) => expect([200, 204]).toContain(res.status));
    const created = await t
      .http()
      .post('/api/integration/attendances')
      .set('x-api-key', demoKey)
      .send({ external_id: `sync-${randomUUID()}`, attended_at: '2026-03-10T12:00:00-03:00' })
      .expect(201);
    // One whole-second instant for the three changes, as an UPDATE stamps it (CURRENT_TIMESTAMP, see attendance-sync.repository.ts):
    // a page boundary then falls inside the tie (SQLite stores these as text without the fraction).
    await t.dataSource.query('UPDATE attendances SET updated_at = CURRENT_TIMESTAMP WHERE id IN (?, ?, ?)', [alreadyRead, notYetRead, deletedLater]);
    while (response.body.next_cursor) {
      response = await read(demoKey, { limit: 5, cursor: response.body.next_cursor }).expect(200);
      expect(response.body.items.length).toBeLessThanOrEqual(5);
      seen.push(...response.body.items);
    }

    const times = (id: string) => seen.filter((item) => item.id === id);
    // Nothing lost: every row, the new one too.
    expect(demoIds.filter((id) => times(id).length === 0)).toEqual([]);
    expect(times(created.body.id)).toHaveLength(1);
    // Nothing repeated but the row changed after it was read, which comes back with its new values.
    expect(seen.map((item) => item.id).filter((id) => times(id).length > 1)).toEqual([alreadyRead, alreadyRead]);
    expect(times(alreadyRead)[1]).toMatchObject({ converted: true, sale_value: 120.5 });
    expect(times(notYetRead)).toEqual([expect.objectContaining({ converted: true })]);
    // A deletion is a change: the row is read once, after the change, marked deleted.
    expect(times(deletedLater)).toEqual([expect.objectContaining({ deleted_at: expect.any(String) })]);
    expect(Date.parse(times(deletedLater)[0].deleted_at!)).not.toBeNaN();
    // Each page continues where the previous one stopped, in (updated_at, id) order, apart from the rows changed mid-walk.
    expect(inOrder(seen.filter((item) => ![alreadyRead].includes(item.id) || item === times(alreadyRead)[1]))).toBe(true);
    expect(inOrder(await readAll(demoKey))).toBe(true);
    // updated_since is inclusive for whole-second stamps too (SQLite's "…:SS" sorts before "…:SS.000").
    const stamped = times(notYetRead)[0].updated_at;
    const since = await read(demoKey, { updated_since: stamped }).expect(200);
    expect(since.body.items.map((item: Synced) => item.id)).toEqual(expect.arrayContaining([alreadyRead, notYetRead, deletedLater]));
  });

  it('answers the fields of an attendance in snake_case, with names, numbers for money and ISO dates', async () => {
    const externalId = `sync-${randomUUID()}`;
    await t
      .http()
      .post('/api/integration/attendances')
      .set('x-api-key', demoKey)
      .send({
        external_id: externalId,
        agent_email: 'agent@demo.fasto.app',
        stage_name: 'negociacao',
        origin_name: 'instagram',
        customer_name: 'Maria Souza',
        score: 72,
        converted: true,
        sale_value: 1490.9,
        attended_at: '2026-03-10T12:00:00-03:00',
      })
      .expect(201);
    const item = (await readAll(demoKey)).find((candidate) => candidate.external_id === externalId)!;
    expect(item).toEqual({
      id: expect.any(String),
      external_id: externalId,
      attended_at: '2026-03-10T15:00:00.000Z',
      customer_name: 'Maria Souza',
      customer_phone: null,
      channel: 'whatsapp',
      title: null,
      summary: null,
      full_summary: null,
      score: 72,
      first_response_time_min: null,
      handling_time_min: null,
      converted: true,
      sale_value: 1490.9,
      agent_id: expect.any(String),
      agent_name: 'Alice Atendente',
      agent_email: 'agent@demo.fasto.app',
      team_id: expect.any(String),
      team_name: 'Equipe Alpha',
      stage_id: expect.any(String),
      stage_name: 'Negociação',
      origin_id: expect.any(String),
      origin_name: 'Instagram',
      created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      updated_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      deleted_at: null,
    });
  });

  it('reads from updated_since on, inclusive, also when the "+" of an offset arrives unencoded', async () => {
    const since = new Date(BASE + 5000).toISOString();
    const from = await read(demoKey, { updated_since: since, limit: 3 }).expect(200);
    expect(from.body.items.map((item: Synced) => item.updated_at)).toEqual([since, since, since]);
    const withMs = await read(demoKey, { updated_since: new Date(BASE + 9500).toISOString(), limit: 1 }).expect(200);
    expect(withMs.body.items.map((item: Synced) => item.title)).toEqual(['row 29']);
    const offset = await t.http().get('/api/integration/attendances?limit=1&updated_since=2025-01-01T03:00:05+03:00').set('x-api-key', demoKey).expect(200);
    expect(offset.body.items[0].updated_at).toBe(since);
    const none = await read(demoKey, { updated_since: '2999-01-01T00:00:00Z' }).expect(200);
    expect(none.body).toEqual({ items: [], next_cursor: null });
  });

  it('caps a large limit like every list, and refuses bad parameters with a 400 and a code', async () => {
    expect((await read(demoKey, { limit: 100000 }).expect(200)).body.items.length).toBeLessThanOrEqual(200);
    const refused = async (query: Record<string, string>, code: string) => {
      const response = await read(demoKey, query);
      expect({ query, status: response.status, code: response.body.code }).toEqual({ query, status: 400, code });
    };
    await refused({ updated_since: 'yesterday' }, 'VALIDATION_FAILED');
    await refused({ updated_since: '2026-13-45T00:00:00Z' }, 'VALIDATION_FAILED');
    await refused({ updated_since: '0001-01-01T00:00:00Z' }, 'VALIDATION_FAILED');
    await refused({ limit: '0' }, 'VALIDATION_FAILED');
    await refused({ limit: 'ten' }, 'VALIDATION_FAILED');
    await refused({ tenant_id: randomUUID() }, 'VALIDATION_FAILED');
    await refused({ cursor: 'not a cursor!' }, 'VALIDATION_FAILED');
    await refused({ cursor: 'bm90LWpzb24' }, 'INVALID_CURSOR');
    await refused({ cursor: encode(['2025-01-01T00:00:00.000Z', "x' OR 1=1 --"]) }, 'INVALID_CURSOR');
    await refused({ cursor: encode(['not a date', randomUUID()]) }, 'INVALID_CURSOR');
    await refused({ cursor: encode([1, randomUUID()]) }, 'INVALID_CURSOR');
  });

  it("gives each key its own tenant's rows only, even with the other tenant's cursor", async () => {
    const acme = await readAll(acmeKey);
    expect(acme.map((item) => item.id).sort()).toEqual([...acmeIds].sort());
    const demo = await readAll(demoKey);
    expect(demo.filter((item) => acmeIds.includes(item.id))).toEqual([]);
    const demoCursor = (await read(demoKey, { limit: 1 }).expect(200)).body.next_cursor;
    const crossed = await read(acmeKey, { cursor: demoCursor }).expect(200);
    expect(crossed.body.items.every((item: Synced) => acmeIds.includes(item.id))).toBe(true);
  });
});
