// Issue 25: the dashboard with and without a read replica. Needs BENCH_REPLICA_URL, a MySQL/MariaDB
// replica of BENCH_DATABASE_URL that already holds the bench's data (the bench cannot make one of a
// server it does not own); without it the measure is skipped.
import { apiEnvironment, freePort, login, mysql, startApi } from './dataset.mjs';
import { http, round } from './load.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const MAX_LAG_SECONDS = 5;

/** SELECTs a server ran since it started. */
async function selects(db) {
  const [[row]] = await db.query("SHOW GLOBAL STATUS LIKE 'Com_select'");
  return Number(row.Value);
}

/** The dashboard at 10 clients on one API, and how many SELECTs per second the primary ran meanwhile. */
async function measure({ db, env, seconds }) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const { child } = await startApi({ ...env, PORT: String(port) }, base);
  try {
    const headers = { authorization: `Bearer ${await login(base, 'admin@demo.fasto.app')}` };
    if (env.DATABASE_REPLICA_URLS) {
      // Signing in wrote: that caller reads from the primary for the lag bound (replica-reads.ts); and the replica must be in use.
      await sleep((MAX_LAG_SECONDS + 3) * 1000);
      const ready = await (await fetch(`${base}/api/health/ready`)).json();
      const states = ready.details.readReplicas.replicas.map((replica) => `${replica.state}${replica.reason ? ` (${replica.reason})` : ''}`);
      if (states.some((state) => state !== 'in_use')) throw new Error(`replica not in use: ${states.join(', ')}`);
    }
    const before = await selects(db);
    const dashboard = await http({ url: `${base}/api/dashboard`, connections: 10, seconds, headers });
    return { ...dashboard, primarySelectsPerSecond: round(((await selects(db)) - before) / seconds) };
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
