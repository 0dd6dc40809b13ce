// The benchmark's database, the API process under test and the SQL capture (MariaDB general log).
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { WORKSPACE } from '../scripts/nx-build.mjs';

const require = createRequire(import.meta.url);
export const mysql = require('mysql2/promise');

export const DEMO_PASSWORD = 'Fasto@2026!demo';
export const say = (line) => process.stdout.write(`bench: ${line}\n`);

/** Runs the API's CLI (migrate, seed, rollups:rebuild) against the bench database. */
export function cli(env, ...args) {
  const result = spawnSync(process.execPath, [join(WORKSPACE, 'dist/apps/api/cli.js'), ...args], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`cli ${args.join(' ')} failed`);
}

/**
 * MariaDB ships with a 128 MB buffer pool; 2,000,000 attendances are ~3 GB. A production
 * server is sized for its data, so the bench gives the pool 2 GB (a runtime setting that
 * lasts until the server restarts).
 */
export async function sizeBufferPool(db) {
  const [[row]] = await db.query('SELECT @@innodb_buffer_pool_size AS size');
  if (Number(row.size) < 2 ** 31) await db.query('SET GLOBAL innodb_buffer_pool_size = 2147483648');
}

export async function createDatabase(databaseUrl) {
  const server = new URL(databaseUrl);
  const name = server.pathname.slice(1);
  server.pathname = '/';
  const admin = await mysql.createConnection({ uri: server.toString() });
  await admin.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
}

/** Seeds the demo tenants, then tops `slugs` (Demo and Acme) up to `perTenant` attendances over `days` days. */
export async function ensureDataset(db, env, { perTenant, days, slugs = ['demo', 'acme'] }) {
  cli(env, 'seed');
  for (const slug of slugs) {
    const [[row]] = await db.query('SELECT COUNT(*) AS n FROM attendances a JOIN tenants t ON t.id = a.tenant_id WHERE t.slug = ?', [slug]);
    const missing = perTenant - Number(row.n);
    if (missing > 0) {
      say(`seeding ${missing} attendances into ${slug} (${days} days)…`);
      cli(env, 'seed', '--attendances', String(missing), '--tenant', slug, '--days', String(days));
    }
  }
}

/** Other engineers' servers share this machine: ask the OS for a port nobody uses. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** The environment the API under test runs with, on the bench database. */
export const apiEnvironment = (databaseUrl, port) => ({
  ...process.env,
  DATABASE_URL: databaseUrl,
  DATA_DIR: join(WORKSPACE, 'tmp', 'bench-data'),
  PORT: String(port),
  LOG_LEVEL: 'warn',
  NODE_ENV: 'development',
  // The bench measures throughput, not the integration budgets (their own tests cover those).
  API_KEY_RATE_LIMIT_PER_MINUTE: '100000000',
  TENANT_RATE_LIMIT_PER_MINUTE: '100000000',
});

/** Starts the built API (or `entry`) and waits until it is ready; returns the process and its boot time. */
export async function startApi(env, base, entry = join(WORKSPACE, 'dist/apps/api/main.js')) {
  const started = Date.now();
  // BENCH_API_PROFILE=<dir>: a V8 CPU profile of the API under the bench's load, written when it exits.
  const profile = process.env.BENCH_API_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_API_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, entry], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  for (;;) {
    try {
      if ((await fetch(`${base}/api/health/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error('API exited during boot');
    if (Date.now() - started > 60_000) throw new Error('API did not become ready');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { child, bootMs: Date.now() - started };
}

export const rssMb = (pid) =>
  Math.round(
    Number(
      spawnSync('ps', ['-o', 'rss=', '-p', String(pid)])
        .stdout.toString()
        .trim(),
    ) / 1024,
  );

/**
 * Every statement `request` makes the API run, captured from MariaDB's general log (exact text,
 * parameters inlined), in order, with the connection it ran on. `db` must be idle meanwhile.
 */
export async function capturedStatements(db, request) {
  const control = await db.getConnection();
  try {
    const [[{ id }]] = await control.query('SELECT CONNECTION_ID() AS id');
    await control.query("SET GLOBAL log_output = 'TABLE'");
    await control.query('TRUNCATE mysql.general_log');
    await control.query('SET GLOBAL general_log = 1');
    try {
      await request();
    } finally {
      await control.query('SET GLOBAL general_log = 0');
    }
    // The server is shared (other databases, other test runs): keep the connections to this database only.
    // The log table (CSV engine) returns rows in the order they were written.
    const [threads] = await control.query('SELECT ID AS id FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND ID <> ?', [id]);
    if (threads.length === 0) return [];
    const [rows] = await control.query(
      "SELECT thread_id AS thread, CONVERT(argument USING utf8mb4) AS sql_text FROM mysql.general_log WHERE command_type IN ('Query', 'Execute') AND thread_id IN (?)",
      [threads.map((thread) => thread.id)],
    );
    return rows.map((row) => ({ thread: Number(row.thread), sql: row.sql_text })).filter(({ sql }) => !/general_log|GET_LOCK|RELEASE_LOCK/.test(sql));
  } finally {
    control.release();
  }
}

/** A fresh integration key for a tenant, made through the super-admin API like an operator would; `revoke()` when done. */
export async function createApiKey(base, tenantId) {
  const headers = { authorization: `Bearer ${await login(base, 'superadmin@fasto.app')}`, 'content-type': 'application/json' };
  const response = await fetch(`${base}/api/tenants/${tenantId}/api-keys`, { method: 'POST', headers, body: JSON.stringify({ name: 'bench' }) });
  if (!response.ok) throw new Error(`creating an API key: HTTP ${response.status}`);
  const created = await response.json();
  const revoke = () => fetch(`${base}/api/tenants/${tenantId}/api-keys/${created.id}`, { method: 'DELETE', headers: { authorization: headers.authorization } });
  return { key: created.key, revoke };
}

export async function login(base, email, password = DEMO_PASSWORD) {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`login ${email}: HTTP ${response.status}`);
  return (await response.json()).accessToken;
}
