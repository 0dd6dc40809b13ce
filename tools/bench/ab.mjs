// A/B of two API builds on the bench database: is a change faster, or was the machine?
//
//   node tools/bench/ab.mjs <build A> <build B>
//
// A build is a directory inside the workspace (so that it finds node_modules) holding
// `apps/api/main.js`: a copy of `dist/` before and after a change (`npx nx build api && cp -r dist tmp/after`). Both run at once, idle in turn; the routes are
// loaded in short alternated rounds, and the medians of the CPU µs per request (API, MariaDB, this
// load client, read from /proc) are compared. On a shared machine a whole run can be twice as
// slow as the next one; alternation puts that drift on both builds alike.
//
//   AB_ROUTES   comma-separated: ingest (10 connections, API key), batch (BENCH_BATCH_CLIENTS clients,
//               per row), unread (the manager), health, login
//   AB_ROUNDS   measured rounds per build and route (default 6), after AB_WARM_UP unmeasured ones (2)
//   AB_SECONDS  seconds per round (default 4)
// Needs the dataset `npm run bench` seeds.
import { join, relative, resolve } from 'node:path';
import { apiEnvironment, createApiKey, freePort, login, mysql, startApi } from './dataset.mjs';
import { cpuTally, databaseIdle } from './cpu.mjs';
import { BATCH_CLIENTS, BATCH_SIZE, batchPoster, cleanIngested, itemFactory } from './ingest.mjs';
import { http, replay } from './load.mjs';
import { WORKSPACE } from '../scripts/nx-build.mjs';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/fasto_bench';
const ROUTES = (process.env.AB_ROUTES ?? 'ingest').split(',').map((route) => route.trim());
const ROUNDS = Number(process.env.AB_ROUNDS ?? 6);
const WARM_UP = Number(process.env.AB_WARM_UP ?? 2);
const SECONDS = Number(process.env.AB_SECONDS ?? 4);

const builds = process.argv.slice(2);
if (builds.length !== 2 || builds.some((build) => relative(WORKSPACE, resolve(build)).startsWith('..'))) {
  process.stderr.write('usage: node tools/bench/ab.mjs <build A> <build B>, two copies of dist/ inside the workspace (e.g. under tmp/)\n');
  process.exit(2);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function startBuild(directory, tenantId, itemFor) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const { child } = await startApi(apiEnvironment(DATABASE_URL, port), base, join(resolve(directory), 'apps/api/main.js'));
  const apiKey = await createApiKey(base, tenantId);
  const manager = `Bearer ${await login(base, 'manager@demo.fasto.app')}`;
  let posted = 0;
  const ingestUrl = `${base}/api/integration/attendances`;
  const postBatch = batchPoster(ingestUrl, { 'x-api-key': apiKey.key }, itemFor, `ab-${port}-b`);
  // Each load runs for some seconds and says how many units (requests, or rows for the batch) it did.
  const perRequest = (options) => async (seconds) => {
    const run = await http({ ...options, seconds });
    return { ...run, units: run.requests };
  };
  const loads = {
    ingest: perRequest({
      url: ingestUrl,
      method: 'POST',
      headers: { 'x-api-key': apiKey.key },
      connections: 10,
      bodyFor: () => itemFor(`ab-${port}-${posted++}`),
      expectStatus: 201,
    }),
    batch: async (seconds) => {
      const run = await replay({ concurrency: BATCH_CLIENTS, seconds, work: postBatch });
      return { ...run, requestsPerSecond: run.requestsPerSecond * BATCH_SIZE, units: run.requests * BATCH_SIZE };
    },
    unread: perRequest({ url: `${base}/api/notifications/unread-count`, headers: { authorization: manager }, connections: 50 }),
    health: perRequest({ url: `${base}/api/health`, connections: 50 }),
    login: perRequest({
      url: `${base}/api/auth/login`,
      method: 'POST',
      body: { email: 'agent@demo.fasto.app', password: 'Fasto@2026!demo' },
      connections: 10,
    }),
  };
  return { directory, child, apiKey, loads, rounds: Object.fromEntries(ROUTES.map((route) => [route, []])) };
}

async function main() {
  const db = await mysql.createPool({ uri: DATABASE_URL, connectionLimit: 4 });
  const [[demo]] = await db.query("SELECT id FROM tenants WHERE slug = 'demo'");
  const itemFor = await itemFactory(db, demo.id, 'agent@demo.fasto.app');
  const apis = [];
  try {
    for (const directory of builds) apis.push(await startBuild(directory, demo.id, itemFor));
    await databaseIdle();
    for (let round = 0; round < WARM_UP + ROUNDS; round++) {
      // A, B then B, A: neither build always runs right after the other.
      for (const api of round % 2 ? [...apis].reverse() : apis) {
        for (const route of ROUTES) {
          const tally = cpuTally(api.child.pid);
          const run = await tally.during(
            () => api.loads[route](SECONDS),
            (result) => result.units,
          );
          const row = { requestsPerSecond: run.requestsPerSecond, ...tally.perUnit() };
          if (round >= WARM_UP) api.rounds[route].push(row);
          const label = `${round < WARM_UP ? 'warm-up' : 'round'} ${api.directory} ${route}`;
          process.stdout.write(`${label}: ${row.requestsPerSecond} req/s, µs per request: API ${row.api}, database ${row.database}, client ${row.client}\n`);
        }
      }
    }
    process.stdout.write('\nmedians (batch: per row) req/s     API µs  database µs  client µs\n');
    for (const route of ROUTES) {
      for (const api of apis) {
        const rows = api.rounds[route];
        const cells = ['requestsPerSecond', 'api', 'database', 'client'].map((field) => String(median(rows.map((row) => row[field]))));
        process.stdout.write(`${`${route} ${api.directory}`.padEnd(20)}${cells.map((cell) => cell.padStart(9)).join('  ')}\n`);
      }
    }
  } finally {
    for (const api of apis) {
      await api.apiKey.revoke().catch(() => undefined);
      api.child.kill('SIGTERM');
    }
    await cleanIngested(db, demo.id);
    await db.end();
  }
}

main().catch((error) => {
  process.stderr.write(`ab: ${error.stack ?? error}\n`);
  process.exit(1);
});
