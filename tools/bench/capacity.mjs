// docs/capacity.md: what one primary carries, and what a read replica and Redis change. For each
// configuration (primary only; + replica; + Redis; + both) a fresh API measures, SECONDS each, the
// dashboard alone (10 clients), the single ingest alone (10 connections), then both at once.
//   BENCH_REPLICA_URL  a replica of BENCH_DATABASE_URL (tools/bench/replica-pair.mjs); without it, no replica rows
//   BENCH_REDIS_URL    e.g. redis://127.0.0.1:6379 (keys under a prefix of this run's own); without it, no Redis rows
import { apiEnvironment, createApiKey, mysql } from './dataset.mjs';
import { cleanIngested, itemFactory } from './ingest.mjs';
import { http, round } from './load.mjs';
import { apiWithReplicas, MAX_LAG_SECONDS } from './replica.mjs';

function configurations(databaseUrl) {
  const primary = { ...apiEnvironment(databaseUrl, 0), JOBS_ENABLED: 'false' };
  const replica = process.env.BENCH_REPLICA_URL && { DATABASE_REPLICA_URLS: process.env.BENCH_REPLICA_URL, REPLICA_MAX_LAG_SECONDS: String(MAX_LAG_SECONDS) };
  const redis = process.env.BENCH_REDIS_URL && { REDIS_URL: process.env.BENCH_REDIS_URL, REDIS_KEY_PREFIX: `fasto-bench-${process.pid}:` };
  return [
    { name: 'primary only', env: primary },
    replica && { name: '+ read replica', env: { ...primary, ...replica } },
    redis && { name: '+ Redis', env: { ...primary, ...redis } },
    replica && redis && { name: '+ replica + Redis', env: { ...primary, ...replica, ...redis } },
  ].filter(Boolean);
}

async function measure({ env, db, tenantId, seconds }) {
  const { base, headers, child } = await apiWithReplicas(env);
  const apiKey = await createApiKey(base, tenantId);
  try {
    const itemFor = await itemFactory(db, tenantId, 'agent@demo.fasto.app');
    let posted = 0;
    const ingest = (duration) =>
      http({
        url: `${base}/api/integration/attendances`,
        method: 'POST',
        headers: { 'x-api-key': apiKey.key },
        connections: 10,
        seconds: duration,
        bodyFor: () => itemFor(`cap${posted++}`),
        expectStatus: 201,
      });
    const dashboard = (duration) => http({ url: `${base}/api/dashboard`, connections: 10, seconds: duration, headers });
    // Warm both routes (the JIT, the caches), unmeasured.
    await Promise.all([ingest(2), dashboard(2)]);
    const dashboardAlone = await dashboard(seconds);
    const ingestAlone = await ingest(seconds);
    const [dashboardMixed, ingestMixed] = await Promise.all([dashboard(seconds), ingest(seconds)]);
    // Under the ingest load a replica may fall behind and be skipped (its reads then go to the primary): say which.
    const ready = await (await fetch(`${base}/api/health/ready`)).json();
    const replicas = (ready.details?.readReplicas?.replicas ?? []).map((replica) => `${replica.state}${replica.reason ? ` (${replica.reason})` : ''}`);
    return { dashboardAlone, ingestAlone, dashboardMixed, ingestMixed, replicasAfter: replicas, redis: ready.details?.redis ?? null };
  } finally {
    await apiKey.revoke().catch(() => undefined);
    child.kill('SIGTERM');
  }
}

export async function capacity({ databaseUrl, tenantId, seconds }) {
  const db = await mysql.createPool({ uri: databaseUrl, connectionLimit: 2 });
  const rows = [];
  try {
    for (const configuration of configurations(databaseUrl)) {
      const figures = await measure({ env: configuration.env, db, tenantId, seconds });
      // The next configuration starts from the same table: the ingested rows go again.
      await cleanIngested(db, tenantId);
      rows.push({ name: configuration.name, ...figures });
    }
  } finally {
    await cleanIngested(db, tenantId);
    await db.end();
  }
  const base = rows[0];
  return rows.map((row) => ({ ...row, mixedOverPrimaryOnly: round(row.dashboardMixed.requestsPerSecond / base.dashboardMixed.requestsPerSecond) }));
}
