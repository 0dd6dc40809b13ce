// `npm run bench`: QUALITY.md P1, P2 and P4 measured side by side on MariaDB, in one run.
//   BENCH_DATABASE_URL  (default mysql://root@127.0.0.1:3306/fasto_bench) — seeded on first use
//   BENCH_ATTENDANCES   (default 1000000 per tenant, Demo and Acme)      BENCH_SECONDS (default 10)
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build, WORKSPACE } from '../scripts/nx-build.mjs';
import { http, replay } from './load.mjs';

const require = createRequire(import.meta.url);
const mysql = require('mysql2/promise');

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/fasto_bench';
const PER_TENANT = Number(process.env.BENCH_ATTENDANCES ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PORT = 3900;
const BASE = `http://127.0.0.1:${PORT}`;
const DATA_DIR = join(WORKSPACE, 'tmp', 'bench-data');
const env = { ...process.env, DATABASE_URL, DATA_DIR, PORT: String(PORT), LOG_LEVEL: 'warn', NODE_ENV: 'development' };

const say = (line) => process.stdout.write(`bench: ${line}\n`);
const cli = (...args) => {
  const result = spawnSync(process.execPath, [join(WORKSPACE, 'dist/apps/api/cli.js'), ...args], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`cli ${args.join(' ')} failed`);
};

/**
 * MariaDB ships with a 128 MB buffer pool; 2,000,000 attendances are ~3 GB. A production
 * server is sized for its data, so the bench gives the pool 2 GB (a runtime setting that
 * lasts until the server restarts).
 */
async function sizeBufferPool(db) {
  const [[row]] = await db.query('SELECT @@innodb_buffer_pool_size AS size');
  if (Number(row.size) < 2 ** 31) await db.query('SET GLOBAL innodb_buffer_pool_size = 2147483648');
}

async function createDatabase() {
  const server = new URL(DATABASE_URL);
  const name = server.pathname.slice(1);
  server.pathname = '/';
  const admin = await mysql.createConnection({ uri: server.toString() });
  await admin.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
}

async function ensureDataset(db) {
  cli('seed');
  for (const slug of ['demo', 'acme']) {
    const [[row]] = await db.query('SELECT COUNT(*) AS n FROM attendances a JOIN tenants t ON t.id = a.tenant_id WHERE t.slug = ?', [slug]);
    const missing = PER_TENANT - Number(row.n);
    if (missing > 0) {
      say(`seeding ${missing} attendances into ${slug} (400 days)…`);
      cli('seed', '--attendances', String(missing), '--tenant', slug, '--days', '400');
    }
  }
}

async function startApi() {
  const child = spawn(process.execPath, [join(WORKSPACE, 'dist/apps/api/main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const started = Date.now();
  for (;;) {
    try {
      if ((await fetch(`${BASE}/api/health/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 30_000) throw new Error('API did not become ready');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, bootMs: Date.now() - started };
}

/** The SQL one request runs, captured from MariaDB's general log (exact text, parameters inlined). */
async function capturedSql(db, request) {
  await db.query("SET GLOBAL log_output = 'TABLE'");
  await db.query('TRUNCATE mysql.general_log');
  await db.query('SET GLOBAL general_log = 1');
  await request();
  await db.query('SET GLOBAL general_log = 0');
  const [rows] = await db.query("SELECT CONVERT(argument USING utf8mb4) AS sql_text FROM mysql.general_log WHERE command_type = 'Query' ORDER BY event_time");
  return rows.map((row) => row.sql_text).filter((sql) => /^\s*SELECT/i.test(sql) && !/general_log|GET_LOCK|RELEASE_LOCK/.test(sql));
}

const dayIso = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function main() {
  build(['api']);
  await createDatabase();
  const db = await mysql.createPool({ uri: DATABASE_URL, connectionLimit: 20 });
  await sizeBufferPool(db);
  await ensureDataset(db);
  const [[size]] = await db.query('SELECT COUNT(*) AS attendances FROM attendances');
  const [[rollupRows]] = await db.query(
    'SELECT (SELECT COUNT(*) FROM attendance_rollup_totals) + (SELECT COUNT(*) FROM attendance_rollup_stages) + (SELECT COUNT(*) FROM attendance_rollup_origins) AS n',
  );

  const { child, bootMs } = await startApi();
  const results = { data: { attendances: Number(size.attendances), perTenant: PER_TENANT, rollupRows: Number(rollupRows.n) }, bootMs };
  try {
    const login = await (
      await fetch(`${BASE}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@demo.fasto.app', password: 'Fasto@2026!demo' }),
      })
    ).json();
    const headers = { authorization: `Bearer ${login.accessToken}` };

    // P1: framework overhead against a bare node:http hello world.
    const bare = createServer((_req, res) => res.end('{"status":"ok"}')).listen(3901);
    results.p1 = {
      bare: await http({ url: 'http://127.0.0.1:3901/', connections: 50, seconds: SECONDS }),
      health: await http({ url: `${BASE}/api/health`, connections: 50, seconds: SECONDS }),
    };
    bare.close();
    results.p1.ratio = round(results.p1.health.requestsPerSecond / results.p1.bare.requestsPerSecond);

    // P2: the dashboard, its SQL replayed through bare mysql2, and 365 vs 90 days.
    const dashboard = (days) => `${BASE}/api/dashboard?from=${dayIso(-(days - 1))}&to=${dayIso(0)}`;
    const statements = await capturedSql(db, () => fetch(dashboard(90), { headers }).then((res) => res.json()));
    results.p2 = {
      statements: statements.length,
      sqlFingerprint: createHash('sha256').update(statements.join('\n')).digest('hex').slice(0, 12),
      endpoint90: await http({ url: dashboard(90), connections: 10, seconds: SECONDS, headers }),
      sql90: await replay({ work: () => Promise.all(statements.map((sql) => db.query(sql))), concurrency: 10, seconds: SECONDS }),
      endpoint365: await http({ url: dashboard(365), connections: 10, seconds: SECONDS, headers }),
    };
    results.p2.endpointOverSql = round(results.p2.endpoint90.p95 / results.p2.sql90.p95);
    results.p2.days365Over90 = round(results.p2.endpoint365.p95 / results.p2.endpoint90.p95);

    // P4: keyset page 1 against a page 100,000 rows deep.
    const [[deep]] = await db.query(
      "SELECT a.attended_at AS at, a.id FROM attendances a JOIN tenants t ON t.id = a.tenant_id WHERE t.slug = 'demo' AND a.deleted_at IS NULL ORDER BY a.attended_at DESC, a.id DESC LIMIT 1 OFFSET 99999",
    );
    const cursor = Buffer.from(JSON.stringify([new Date(deep.at).toISOString(), deep.id])).toString('base64url');
    results.p4 = {
      page1: await http({ url: `${BASE}/api/attendances?limit=50`, connections: 10, seconds: SECONDS, headers }),
      page100k: await http({ url: `${BASE}/api/attendances?limit=50&cursor=${cursor}`, connections: 10, seconds: SECONDS, headers }),
    };
    results.p4.deepOverFirst = round(results.p4.page100k.p95 / results.p4.page1.p95);
    results.rssMb = Math.round(
      Number(
        spawnSync('ps', ['-o', 'rss=', '-p', String(child.pid)])
          .stdout.toString()
          .trim(),
      ) / 1024,
    );
  } finally {
    child.kill('SIGTERM');
    await db.end();
  }
  report(results);
}

const round = (value) => Math.round(value * 100) / 100;

function report(results) {
  const goals = [
    ['P1 /api/health req/s ÷ bare node:http', results.p1.ratio, '≥ 0.5', results.p1.ratio >= 0.5],
    ['P2 dashboard 90 d p95 (ms), 10 clients', results.p2.endpoint90.p95, '≤ 100', results.p2.endpoint90.p95 <= 100],
    ['P2 endpoint p95 ÷ its SQL via mysql2 p95', results.p2.endpointOverSql, '≤ 1.3', results.p2.endpointOverSql <= 1.3],
    ['P2 365 d p95 ÷ 90 d p95', results.p2.days365Over90, '≤ 2', results.p2.days365Over90 <= 2],
    ['P4 page 100k deep p95 ÷ page 1 p95', results.p4.deepOverFirst, '≤ 1.5', results.p4.deepOverFirst <= 1.5],
    ['P8 boot to ready (ms)', results.bootMs, '≤ 3000', results.bootMs <= 3000],
    ['P8 RSS after load (MB)', results.rssMb, '≤ 250', results.rssMb <= 250],
  ];
  say(`data: ${results.data.attendances} attendances (${results.data.perTenant} per tenant), ${results.data.rollupRows} rollup rows`);
  const lines = [
    ['measure', 'value', 'goal', 'ok'],
    ...goals.map(([name, value, goal, ok]) => [name, String(value), goal, ok ? 'yes' : 'NO']),
    [],
    ['detail', 'req/s', 'p50 ms', 'p95 ms'],
    ...[
      ['bare node:http (50 conns)', results.p1.bare],
      ['GET /api/health (50 conns)', results.p1.health],
      ['GET /api/dashboard 90 d', results.p2.endpoint90],
      [`its ${results.p2.statements} SQL statements via mysql2`, results.p2.sql90],
      ['GET /api/dashboard 365 d', results.p2.endpoint365],
      ['GET /api/attendances page 1', results.p4.page1],
      ['GET /api/attendances 100k deep', results.p4.page100k],
    ].map(([name, figures]) => [name, String(Math.round(figures.requestsPerSecond)), String(figures.p50), String(figures.p95)]),
  ];
  const widths = [0, 1, 2, 3].map((column) => Math.max(...lines.map((line) => (line[column] ?? '').length)));
  for (const line of lines) process.stdout.write(`${line.map((cell, column) => (cell ?? '').padEnd(widths[column])).join('  ')}\n`);
  const dir = join(WORKSPACE, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ ...results, goals: goals.map(([name, value, goal, ok]) => ({ name, value, goal, ok })) }, null, 2));
  say(`results written to ${file}`);
}

main().catch((error) => {
  process.stderr.write(`bench: ${error.stack ?? error}\n`);
  process.exit(1);
});
