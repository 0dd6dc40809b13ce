import { randomUUID } from 'node:crypto';
import { generateApiKey } from '../src/core/auth/api-key-format';
import { hashSecretToken } from '../src/core/auth/secret-token';
import { EXACT_COLUMNS } from '../src/core/database/migrations/1763800000006-exact-key-comparisons';
import { ApiKey } from '../src/modules/integration/entities/api-key.entity';
import { client, DEMO } from './support/auth-helpers';
import { emailsTo } from './support/outbox';
import { startTestApp, type TestApp } from './support/test-app';
import { testEngine } from './support/test-database';

/**
 * One comparison rule per kind of key, the same on every engine (README, "Security"):
 * emails case-insensitive and accent-sensitive, external ids and internal keys exact,
 * stage/origin names case- and accent-insensitive. Each probe's answers are written down as
 * the rule says; in a MySQL run the same probes also run on an embedded SQLite next to it and
 * the two transcripts must be equal.
 */
const ADMIN = DEMO.acmeAdmin; // admin@acme.fasto.app
const DECOMPOSED_A = 'a\u0301'; // "á" as a + combining acute accent

type Transcript = Record<string, unknown>;

async function withKey(t: TestApp): Promise<string> {
  const admin = await client(t, DEMO.admin);
  const generated = generateApiKey();
  await t.dataSource.getRepository(ApiKey).insert({
    id: randomUUID(),
    tenantId: admin.session.body.user.tenantId,
    name: 'parity',
    prefix: generated.prefix,
    keyHash: hashSecretToken(generated.key),
  });
  return generated.key;
}

/** Every probe, in order; what it returns is the engine's transcript. */
async function runProbes(t: TestApp): Promise<Transcript> {
  const out: Transcript = {};
  const password = t.config.demoPassword;
  const loginStatus = async (email: string, pass = password) => (await t.http().post('/api/auth/login').send({ email, password: pass })).status;
  const clearCounters = () => t.dataSource.query('DELETE FROM rate_limit_counters');

  // Sign-in: case and surrounding spaces never matter, accents always do.
  await clearCounters();
  out['login'] = {
    exact: await loginStatus(ADMIN),
    upperCase: await loginStatus('ADMIN@ACME.FASTO.APP'),
    spaced: await loginStatus('  Admin@Acme.Fasto.App '),
    accented: await loginStatus('ádmin@acme.fasto.app'),
    accentedUpper: await loginStatus('ÁDMIN@ACME.FASTO.APP'),
    decomposedAccent: await loginStatus(`${DECOMPOSED_A}dmin@acme.fasto.app`),
  };

  // Lockout: every case variant spends the one account's budget (3 failures, see env below).
  await clearCounters();
  const failures = [];
  for (const variant of ['admin@acme.fasto.app', 'ADMIN@acme.fasto.app', 'Admin@Acme.Fasto.App']) failures.push(await loginStatus(variant, 'wrong-password-x'));
  // The attack: with the account locked, an accented spelling must not be a way around the lock.
  out['lockout'] = {
    failures,
    rightPasswordAfter: await loginStatus('aDmIn@acme.fasto.app'),
    accentedRightPasswordAfter: await loginStatus('ádmin@acme.fasto.app'),
  };
  await clearCounters();

  // Forgot password: three emails an hour per address, whatever the case; accented = unknown, none sent.
  const forgot = async (email: string) => (await t.http().post('/api/auth/password/forgot').send({ email })).status;
  const statuses = [];
  for (const variant of [
    'bruno@demo.fasto.app',
    'BRUNO@demo.fasto.app',
    'Bruno@Demo.Fasto.App',
    'bRuNo@demo.fasto.app',
    'brúno@demo.fasto.app',
    'BRÚNO@DEMO.FASTO.APP',
  ])
    statuses.push(await forgot(variant));
  await waitFor(() => emailsTo(t, DEMO.otherAgent).length >= 3);
  await new Promise((resolve) => setTimeout(resolve, 300)); // room for a fourth, which must not come
  out['forgot'] = { statuses, emailsToBruno: emailsTo(t, DEMO.otherAgent).length, emailsToAccented: emailsTo(t, 'brúno@demo.fasto.app').length };

  // User creation: a case variant of a member is the same address; an accented one is another.
  const admin = await client(t, DEMO.admin);
  const create = async (email: string) => (await admin.post('/api/users').send({ email, fullName: 'Parity Probe', role: 'agent' })).status;
  out['createUser'] = { caseVariantOfMember: await create('CARLA@Demo.Fasto.App'), accentedVariant: await create('cárla@demo.fasto.app') };
  const stored: { email: string }[] = await t.dataSource.query("SELECT email FROM users WHERE full_name = 'Parity Probe'");
  out['createdEmails'] = stored.map((row) => row.email);

  // External ids are exact: three spellings are three conversations, single posts and batch alike.
  const key = await withKey(t);
  const ingest = async (externalId: string) =>
    (await t.http().post('/api/integration/attendances').set('x-api-key', key).send(attendance(externalId))).body.status as string;
  out['externalIds'] = {
    single: [await ingest('CaseX-1'), await ingest('casex-1'), await ingest('CÁSEX-1'), await ingest('CaseX-1')],
    batch: (
      await t
        .http()
        .post('/api/integration/attendances/batch')
        .set('x-api-key', key)
        .send({ items: ['Batch-Y', 'batch-y', 'BÁTCH-Y', 'Batch-Y'].map((id) => attendance(id)) })
    ).body.results.map((result: { status: string }) => result.status),
  };
  const [{ n }] = await t.dataSource.query(
    "SELECT COUNT(*) AS n FROM attendances WHERE external_id IN ('CaseX-1', 'casex-1', 'CÁSEX-1', 'Batch-Y', 'batch-y', 'BÁTCH-Y')",
  );
  out['externalIdRows'] = Number(n);

  // Catalogue names stay case- and accent-insensitive, on purpose.
  const named = await t
    .http()
    .post('/api/integration/attendances')
    .set('x-api-key', key)
    .send({ ...attendance('names-1'), stage_name: 'NEGOCIACAO', origin_name: 'instagram' });
  const detail = await admin.get(`/api/attendances/${named.body.id}`);
  out['names'] = { warnings: named.body.warnings, stage: detail.body.stage?.name, origin: detail.body.origin?.name };
  return out;
}

const attendance = (externalId: string) => ({
  external_id: externalId,
  agent_email: DEMO.agent,
  score: 70,
  converted: false,
  attended_at: '2026-03-10T12:00:00.000Z',
});

async function waitFor(done: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 100 && !done(); attempt++) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** What the rules say every engine answers. */
const EXPECTED: Transcript = {
  login: { exact: 200, upperCase: 200, spaced: 200, accented: 401, accentedUpper: 401, decomposedAccent: 401 },
  lockout: { failures: [401, 401, 401], rightPasswordAfter: 429, accentedRightPasswordAfter: 401 },
  forgot: { statuses: [202, 202, 202, 202, 202, 202], emailsToBruno: 3, emailsToAccented: 0 },
  createUser: { caseVariantOfMember: 409, accentedVariant: 201 },
  createdEmails: ['cárla@demo.fasto.app'],
  externalIds: { single: ['created', 'created', 'created', 'unchanged'], batch: ['created', 'created', 'created', 'unchanged'] },
  externalIdRows: 6,
  names: { warnings: [], stage: 'Negociação', origin: 'Instagram' },
};

const ENV = { LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_FAILURES_PER_IP: '50', LOGIN_THROTTLE_WINDOW_SECONDS: '600' };

describe(`engine parity (${testEngine()})`, () => {
  let t: TestApp;
  let transcript: Transcript;

  beforeAll(async () => {
    t = await startTestApp({ seed: true, env: ENV });
    transcript = await runProbes(t);
  });
  afterAll(() => t.close());

  it.each(Object.keys(EXPECTED))('answers the %s probe as the comparison rules say', (probe) => {
    expect(transcript[probe]).toEqual(EXPECTED[probe]);
  });

  it('stores emails in their normal form only (trimmed, lower-case, NFC)', async () => {
    const rows: { email: string }[] = await t.dataSource.query('SELECT email FROM users');
    for (const { email } of rows) expect(email).toBe(email.trim().toLowerCase().normalize('NFC'));
  });

  if (testEngine() === 'mysql') {
    it('compares every key column byte for byte on MySQL (utf8mb4_bin)', async () => {
      const rows: { tableName: string; columnName: string; collation: string }[] = await t.dataSource.query(
        `SELECT TABLE_NAME AS tableName, COLUMN_NAME AS columnName, COLLATION_NAME AS collation FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()`,
      );
      const collationOf = (table: string, column: string) => rows.find((row) => row.tableName === table && row.columnName === column)?.collation;
      for (const [table, column] of EXACT_COLUMNS)
        expect({ table, column, collation: collationOf(table, column) }).toEqual({ table, column, collation: 'utf8mb4_bin' });
    });

    it('gives the same answers as an embedded SQLite, probe for probe', async () => {
      const sqlite = await startTestApp({ seed: true, env: ENV, engine: 'sqlite' });
      try {
        expect(await runProbes(sqlite)).toEqual(transcript);
      } finally {
        await sqlite.close();
      }
    });
  }
});
