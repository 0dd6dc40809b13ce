// P3: POST /api/integration/attendances against a bare mysql2 loop running the very statements
// the endpoint runs (captured from the general log), at the same concurrency; and the batch route
// against bare mysql2 running the very statements one batch ran (its multi-row INSERTs and rollup
// upserts in one transaction), in rows/s, at the same concurrency and batch size.
import { randomUUID } from 'node:crypto';
import { cpuTally, databaseIdle } from './cpu.mjs';
import { mysql } from './dataset.mjs';
import { combined, http, postJson, replay, round } from './load.mjs';

/** Everything the bench ingests lands on this day, far from the dashboard's ranges, and is removed afterwards. */
const DAY = '2000-01-15';
const PREFIX = 'bench-p3-';
const CONCURRENCY = 10;
export const BATCH_SIZE = 500;
export const BATCH_CLIENTS = Number(process.env.BENCH_BATCH_CLIENTS ?? 2);
const WARM_UP_SECONDS = 3;
const ROUNDS = 4;

/** Removes what the bench ingested, then waits for the database to finish purging it. */
export async function cleanIngested(db, tenantId) {
  // In slices: without a LIMIT, MariaDB's DELETE chose to scan the whole table rather than the unique index.
  for (;;) {
    const [deleted] = await db.query(`DELETE FROM attendances WHERE tenant_id = ? AND external_id LIKE '${PREFIX}%' LIMIT 10000`, [tenantId]);
    if (deleted.affectedRows === 0) break;
  }
  const [tables] = await db.query("SHOW TABLES LIKE 'attendance\\_rollup\\_%'");
  for (const row of tables) {
    await db.query(`DELETE FROM \`${Object.values(row)[0]}\` WHERE tenant_id = ? AND period IN (?, ?)`, [tenantId, DAY, DAY.slice(0, 7)]);
  }
  await databaseIdle();
}

/** What n8n would post: an agent by email, a stage and an origin by name (the full reference resolution). */
export async function itemFactory(db, tenantId, agentEmail) {
  const [[stage]] = await db.query(
    'SELECT s.name FROM funnel_stages s JOIN teams t ON t.funnel_id = s.funnel_id JOIN users u ON u.team_id = t.id WHERE u.email = ? AND s.tenant_id = ? ORDER BY s.position LIMIT 1',
    [agentEmail, tenantId],
  );
  const [[origin]] = await db.query(
    'SELECT o.name FROM origin_items o JOIN teams t ON t.origin_group_id = o.origin_group_id JOIN users u ON u.team_id = t.id WHERE u.email = ? AND o.tenant_id = ? ORDER BY o.position LIMIT 1',
    [agentEmail, tenantId],
  );
  const run = Date.now().toString(36);
  return (tag) => ({
    external_id: `${PREFIX}${run}-${tag}`,
    attended_at: `${DAY}T12:00:00Z`,
    agent_email: agentEmail,
    stage_name: stage?.name,
    origin_name: origin?.name,
    customer_name: 'Cliente Bench',
    customer_phone: '+55 11 99999-0000',
    title: 'Pedido de orçamento',
    summary: 'Cliente pediu orçamento e recebeu proposta.',
    score: 80,
    first_response_time_min: 3,
    handling_time_min: 12,
    converted: false,
  });
}

/**
 * One batch of new attendances per call, each checked to come back `created`. The body is
 * JSON.stringify's text of `itemFor`'s items, spliced from one template: the client's CPU comes
 * out of the same two cores as the API's.
 */
export function batchPoster(url, headers, itemFor, tag) {
  const [before, after] = JSON.stringify(itemFor('\0')).split('\\u0000');
  let batches = 0;
  const post = async () => {
    const batch = `${tag}${batches++}`;
    const items = Array.from({ length: BATCH_SIZE }, (_, index) => `${before}${batch}-${index}${after}`);
    const { status, text } = await postJson(`${url}/batch`, headers, `{"items":[${items.join(',')}]}`);
    const results = status === 200 ? JSON.parse(text).results : [];
    if (status !== 200 || results.some((result) => result.status !== 'created')) throw new Error(`batch: HTTP ${status}`);
    post.lastIds = results.map((result) => result.id);
  };
  return post;
}

/** Facts about the captured statements that QUALITY P3 asks for. */
function shapeOf(statements) {
  const insertAt = statements.findIndex(({ sql }) => /^\s*INSERT INTO `?attendances`?\s*\(/i.test(sql));
  const commitAt = statements.findIndex(({ sql }, index) => index > insertAt && /^\s*COMMIT/i.test(sql));
  const afterInsert = statements.slice(insertAt + 1, commitAt < 0 ? undefined : commitAt);
  // A read-back reads the attendance just inserted; other reads (e.g. notification recipients) are not one.
  const readBacks = afterInsert.filter(({ sql }) => /^\s*SELECT/i.test(sql) && /\bFROM\s+`?attendances`?/i.test(sql));
  return {
    transactions: statements.filter(({ sql }) => /^\s*(START TRANSACTION|BEGIN)/i.test(sql)).length,
    readBackSelect: readBacks.length > 0,
    readBacks: readBacks.map(({ sql }) => sql.slice(0, 200)),
    statementKinds: statements.map(({ sql }) => sql.trim().split(/\s+/).slice(0, 3).join(' ').slice(0, 40)),
  };
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const PREPARED_INSERT = /^\s*INSERT INTO `?attendances`?\s*\(([^)]*)\)\s*VALUES\s*\(\?/i;

/**
 * The bare-mysql2 side of the batch: one steady-state batch posted under the general log, then its
 * statements (the reference lookup, the multi-row INSERTs, the rollup upserts, in their one
 * transaction) replayed through bare mysql2 with fresh attendance ids and external ids, so both
 * sides write the same rows and the same rollups. The API sends its INSERTs as prepared statements,
 * which MariaDB logs with their `?` placeholders: the replay prepares the same text and binds the
 * captured batch's own rows, read back from the table (dates as the strings they are stored as).
 */
async function batchReplay({ url, headers, itemFor, databaseUrl, tenantId, capture }) {
  const postCaptured = batchPoster(url, headers, itemFor, 'c');
  const statements = (await capture(postCaptured)).map(({ sql }) => sql);
  const sample = itemFor('c0-').external_id;
  const created = new Set(postCaptured.lastIds);
  const pool = mysql.createPool({ uri: databaseUrl, connectionLimit: BATCH_CLIENTS, multipleStatements: true, dateStrings: true });
  const inserts = statements.filter((sql) => PREPARED_INSERT.test(sql));
  if (inserts.length === 0) throw new Error('the captured batch ran no prepared INSERT INTO attendances');
  const columns = inserts[0]
    .match(PREPARED_INSERT)[1]
    .split(',')
    .map((column) => column.trim().replaceAll('`', ''));
  if (inserts.some((sql) => sql.match(PREPARED_INSERT)[1] !== inserts[0].match(PREPARED_INSERT)[1]))
    throw new Error('the batch INSERTs name different columns');
  const [stored] = await pool.query(`SELECT ${columns.join(', ')} FROM attendances WHERE tenant_id = ? AND external_id LIKE ?`, [tenantId, `${sample}%`]);
  const rows = stored.sort((a, b) => Number(a.external_id.slice(sample.length)) - Number(b.external_id.slice(sample.length)));
  const rowsIn = (sql) => sql.match(/\(\?/g).length;
  if (inserts.reduce((total, sql) => total + rowsIn(sql), 0) !== rows.length || rows.length !== BATCH_SIZE) {
    throw new Error(`the captured batch's INSERTs hold ${inserts.map(rowsIn).join(' + ')} rows; ${rows.length} were stored`);
  }
  let replayed = 0;
  const work = async () => {
    const tag = itemFor(`s${replayed++}-`).external_id;
    const fresh = (row) =>
      columns.map((column) => (column === 'id' ? randomUUID() : column === 'external_id' ? tag + row.external_id.slice(sample.length) : row[column]));
    const connection = await pool.getConnection();
    try {
      let next = 0;
      for (const sql of statements) {
        if (PREPARED_INSERT.test(sql)) {
          const chunk = rows.slice(next, (next += rowsIn(sql)));
          await connection.execute(sql, chunk.flatMap(fresh));
        } else {
          // A text statement naming a new attendance (none seen so far) gets its fresh id too.
          await connection.query(sql.replaceAll(sample, tag).replace(UUID, (id) => (created.has(id) ? randomUUID() : id)));
        }
      }
    } finally {
      connection.release();
    }
  };
  return {
    statements: statements.length,
    run: (seconds) => replay({ concurrency: BATCH_CLIENTS, seconds, work }),
    end: () => pool.end(),
  };
}

export async function p3({ apiPid, base, db, databaseUrl, apiKey, tenantId, seconds, capture }) {
  const headers = { 'x-api-key': apiKey };
  const url = `${base}/api/integration/attendances`;
  const itemFor = await itemFactory(db, tenantId, 'agent@demo.fasto.app');
  await cleanIngested(db, tenantId);
  try {
    // One post first, so that the capture sees the steady state: the key's last_used_at, the time
    // zone and the alert thresholds are refreshed at most every 10–60 s, not on every post.
    const warmUp = await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(itemFor('warm-up')) });
    if (warmUp.status !== 201) throw new Error(`ingest warm-up: HTTP ${warmUp.status}`);
    const sample = itemFor('capture');
    let created;
    const statements = await capture(async () => {
      const response = await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(sample) });
      created = await response.json();
      if (response.status !== 201) throw new Error(`ingest: HTTP ${response.status} ${JSON.stringify(created)}`);
    });
    // The same statements, with a fresh attendance id and external id each time, one connection per worker.
    // multipleStatements like the API's own pool: a captured round trip may hold several statements.
    const pool = mysql.createPool({ uri: databaseUrl, connectionLimit: CONCURRENCY, multipleStatements: true });
    let replayed = 0;
    const replayFor = (seconds) =>
      replay({
        concurrency: CONCURRENCY,
        seconds,
        work: async () => {
          const externalId = `${sample.external_id}-r${replayed++}`;
          const id = randomUUID();
          const connection = await pool.getConnection();
          try {
            for (const statement of statements) await connection.query(statement.sql.replaceAll(sample.external_id, externalId).replaceAll(created.id, id));
          } finally {
            connection.release();
          }
        },
      });
    let posted = 0;
    const postFor = (seconds) => http({ url, method: 'POST', headers, connections: CONCURRENCY, seconds, bodyFor: () => itemFor(posted++), expectStatus: 201 });
    // Both sides warmed up first, unmeasured: a server runs warm, and the first seconds of a fresh
    // route are the JIT compiling it. Then alternated in rounds, so the shared machine's drift
    // weighs on both sides alike.
    await postFor(WARM_UP_SECONDS);
    await replayFor(WARM_UP_SECONDS);
    const singleCpu = cpuTally(apiPid);
    const sqlCpu = cpuTally(apiPid);
    const rounds = { single: [], sql: [] };
    for (let index = 0; index < ROUNDS; index++) {
      rounds.single.push(
        await singleCpu.during(
          () => postFor(seconds / ROUNDS),
          (run) => run.requests,
        ),
      );
      rounds.sql.push(
        await sqlCpu.during(
          () => replayFor(seconds / ROUNDS),
          (run) => run.requests,
        ),
      );
    }
    await pool.end();
    const single = combined(rounds.single, seconds);
    const sql = combined(rounds.sql, seconds);

    const postBatch = batchPoster(url, headers, itemFor, 'b');
    const batchFor = (seconds) => replay({ concurrency: BATCH_CLIENTS, seconds, work: postBatch });
    await batchFor(WARM_UP_SECONDS);
    const batchSql = await batchReplay({ url, headers, itemFor, databaseUrl, tenantId, capture });
    await batchSql.run(WARM_UP_SECONDS);
    // Alternated in rounds like the single post: the shared machine's drift weighs on both sides alike.
    const batchCpu = cpuTally(apiPid);
    const batchSqlCpu = cpuTally(apiPid);
    const batchRounds = { api: [], sql: [] };
    for (let index = 0; index < ROUNDS; index++) {
      batchRounds.api.push(
        await batchCpu.during(
          () => batchFor(seconds / ROUNDS),
          (run) => run.requests * BATCH_SIZE,
        ),
      );
      batchRounds.sql.push(
        await batchSqlCpu.during(
          () => batchSql.run(seconds / ROUNDS),
          (run) => run.requests * BATCH_SIZE,
        ),
      );
    }
    await batchSql.end();
    const batch = combined(batchRounds.api, seconds);
    const batchMysql = combined(batchRounds.sql, seconds);
    const rowsPerSecond = (run) => Math.round(run.requestsPerSecond * BATCH_SIZE);
    return {
      statements: statements.length,
      ...shapeOf(statements),
      single,
      sql,
      singleOverSql: round(single.requestsPerSecond / sql.requestsPerSecond),
      batch: { ...batch, rowsPerSecond: rowsPerSecond(batch), batchSize: BATCH_SIZE, clients: BATCH_CLIENTS },
      batchSql: { ...batchMysql, rowsPerSecond: rowsPerSecond(batchMysql), statements: batchSql.statements },
      batchOverSql: round(rowsPerSecond(batch) / rowsPerSecond(batchMysql)),
      // CPU µs per request (per row for the batch): which side is spending what.
      cpu: { single: singleCpu.perUnit(), sql: sqlCpu.perUnit(), batchRow: batchCpu.perUnit(), batchSqlRow: batchSqlCpu.perUnit() },
    };
  } finally {
    await cleanIngested(db, tenantId);
  }
}
