// Issue 25: the dashboard with and without a read replica, and QUALITY P10's second half: with a
// replica configured, the dashboard, list and export statements reach the primary 0 times. Needs
// BENCH_REPLICA_URL, a MySQL/MariaDB replica of BENCH_DATABASE_URL that already holds the bench's
// data (`node tools/bench/replica-pair.mjs` starts a private pair); without it the measure is skipped.
import { apiEnvironment, capturedStatements, freePort, login, mysql, startApi } from './dataset.mjs';
import { http, round } from './load.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const MAX_LAG_SECONDS = 5;
const dayIso = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
/** The reads `ReplicaReads.run` sends to a replica (docs/architecture.md, "Read replicas"); the export of one day. */
export const REPLICA_READS = ['/api/dashboard', '/api/attendances?limit=50', `/api/attendances/export?format=csv&from=${dayIso(0)}&to=${dayIso(0)}`];

/** SELECTs a server ran since it started. */
async function selects(db) {
  const [[row]] = await db.query("SHOW GLOBAL STATUS LIKE 'Com_select'");
  return Number(row.Value);
}

/**
 * An API on `env`, ready to read from its replica if it has one: signing in wrote, so that caller
 * reads from the primary for the lag bound (replica-reads.ts); and every replica must be in use.
 */
export async function apiWithReplicas(env) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const { child } = await startApi({ ...env, PORT: String(port) }, base);
  try {
    const headers = { authorization: `Bearer ${await login(base, 'admin@demo.fasto.app')}` };
    if (env.DATABASE_REPLICA_URLS) {
      await sleep((MAX_LAG_SECONDS + 3) * 1000);
      const ready = await (await fetch(`${base}/api/health/ready`)).json();
      const states = ready.details.readReplicas.replicas.map((replica) => `${replica.state}${replica.reason ? ` (${replica.reason})` : ''}`);
      if (states.some((state) => state !== 'in_use')) throw new Error(`replica not in use: ${states.join(', ')}`);
    }
    return { base, headers, child };
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
}

/**
 * Statements touching attendances or their rollups that reach the primary while one caller runs
 * each replica read `times` times (MariaDB's general log, this database's connections only).
 */
async function readsOnPrimary(db, base, headers, times = 5) {
  const statements = await capturedStatements(db, async () => {
    for (let round = 0; round < times; round++) {
      for (const path of REPLICA_READS) {
        const response = await fetch(`${base}${path}`, { headers });
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      }
    }
  });
  return statements.filter(({ sql }) => /^\s*SELECT/i.test(sql) && /attendance/i.test(sql)).map(({ sql }) => sql.slice(0, 160));
}

/** The dashboard at 10 clients on one API, how many SELECTs per second the primary ran meanwhile, and its replica reads on the primary. */
async function measure({ db, env, seconds }) {
  const { base, headers, child } = await apiWithReplicas(env);
  try {
    const before = await selects(db);
    const dashboard = await http({ url: `${base}/api/dashboard`, connections: 10, seconds, headers });
    const primarySelectsPerSecond = round(((await selects(db)) - before) / seconds);
    const onPrimary = await readsOnPrimary(db, base, headers);
    return { ...dashboard, primarySelectsPerSecond, readsOnPrimary: onPrimary.length, readsOnPrimarySample: onPrimary.slice(0, 3) };
  } finally {
    child.kill('SIGTERM');
  }
}

export async function replica({ databaseUrl, seconds }) {
  const replicaUrl = process.env.BENCH_REPLICA_URL;
  if (!replicaUrl) return { skipped: 'set BENCH_REPLICA_URL to a replica of BENCH_DATABASE_URL' };
  const db = await mysql.createPool({ uri: databaseUrl, connectionLimit: 2 });
  try {
    const env = { ...apiEnvironment(databaseUrl, 0), JOBS_ENABLED: 'false' };
    const primaryOnly = await measure({ db, env, seconds });
    const withReplica = await measure({ db, env: { ...env, DATABASE_REPLICA_URLS: replicaUrl, REPLICA_MAX_LAG_SECONDS: String(MAX_LAG_SECONDS) }, seconds });
    return { primaryOnly, withReplica, ratio: round(withReplica.requestsPerSecond / primaryOnly.requestsPerSecond) };
  } finally {
    await db.end();
  }
}
