// docs/capacity.md: what one primary carries, and what a read replica and Redis change. For each
// configuration (primary only; + replica; + Redis; + both) an API of its own measures the dashboard
// alone (10 clients), the single ingest alone (10 connections), then both at once, SECONDS each.
//   BENCH_REPLICA_URL  a replica of BENCH_DATABASE_URL (tools/bench/replica-pair.mjs); without it, no replica rows
//   BENCH_REDIS_URL    e.g. redis://127.0.0.1:6379 (keys under a prefix of this run's own); without it, no Redis rows
import { apiEnvironment, createApiKey, mysql } from './dataset.mjs';
import { cleanIngested, itemFactory } from './ingest.mjs';
import { combined, http } from './load.mjs';
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

/** An API on one configuration, signed in, with an integration key, and its three loads. */
async function side({ configuration, db, tenantId }) {
  const { base, headers, child } = await apiWithReplicas(configuration.env);
  const apiKey = await createApiKey(base, tenantId).catch((error) => {
    child.kill('SIGTERM');
    throw error;
  });
  const itemFor = await itemFactory(db, tenantId, 'agent@demo.fasto.app');
  let posted = 0;
  const ingest = (seconds) =>
    http({
      url: `${base}/api/integration/attendances`,
      method: 'POST',
      headers: { 'x-api-key': apiKey.key },
      connections: 10,
      seconds,
      bodyFor: () => itemFor(`${configuration.tag}${posted++}`),
      expectStatus: 201,
    });
  const dashboard = (seconds) => http({ url: `${base}/api/dashboard`, connections: 10, seconds, headers });
  return {
    ...configuration,
    rounds: { dashboardAlone: [], ingestAlone: [], dashboardMixed: [], ingestMixed: [] },
    warmUp: () => Promise.all([ingest(2), dashboard(2)]),
    async round(seconds) {
      this.rounds.dashboardAlone.push(await dashboard(seconds));
      this.rounds.ingestAlone.push(await ingest(seconds));
      const [dashboardMixed, ingestMixed] = await Promise.all([dashboard(seconds), ingest(seconds)]);
      this.rounds.dashboardMixed.push(dashboardMixed);
      this.rounds.ingestMixed.push(ingestMixed);
    },
    // Under the ingest load a replica may fall behind and be skipped (its reads then go to the primary): say which.
    async replicaStates() {
      const ready = await (await fetch(`${base}/api/health/ready`)).json();
      return (ready.details?.readReplicas?.replicas ?? []).map((replica) => `${replica.state}${replica.reason ? ` (${replica.reason})` : ''}`);
    },
    async stop() {
      await apiKey.revoke().catch(() => undefined);
      child.kill('SIGTERM');
    },
  };
}

/**
 * Every configuration's API runs side by side (idle while another is measured); each is warmed up,
 * then measured in two rounds in the order A B C D D C B A, so the shared machine's drift weighs
 * on all alike (as P10 does with its two sides).
 */
export async function capacity({ databaseUrl, tenantId, seconds }) {
  const db = await mysql.createPool({ uri: databaseUrl, connectionLimit: 2 });
  const sides = [];
  try {
    for (const [index, configuration] of configurations(databaseUrl).entries())
      sides.push(await side({ configuration: { ...configuration, tag: `cap${index}-` }, db, tenantId }));
    for (const each of sides) await each.warmUp();
    for (const each of [...sides, ...[...sides].reverse()]) await each.round(seconds / 2);
    const rows = [];
    for (const each of sides) {
      const merged = Object.fromEntries(Object.entries(each.rounds).map(([name, runs]) => [name, combined(runs, seconds)]));
      rows.push({ name: each.name, ...merged, replicasAfter: await each.replicaStates() });
    }
    return rows;
  } finally {
    for (const each of sides) await each.stop();
    await cleanIngested(db, tenantId);
    await db.end();
  }
}
