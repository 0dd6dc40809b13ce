// The QUALITY.md performance scenarios, each measured side by side with its baseline in one run.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { combined, http, replay, round } from './load.mjs';

/** P1: framework overhead against a bare node:http hello world, same load settings. */
export async function p1({ base, seconds }) {
  const bare = createServer((_req, res) => res.end('{"status":"ok"}'));
  await new Promise((resolve, reject) => bare.once('error', reject).listen(0, '127.0.0.1', resolve));
  try {
    const bareRun = await http({ url: `http://127.0.0.1:${bare.address().port}/`, connections: 50, seconds });
    const health = await http({ url: `${base}/api/health`, connections: 50, seconds });
    return { bare: bareRun, health, ratio: round(health.requestsPerSecond / bareRun.requestsPerSecond) };
  } finally {
    bare.close();
  }
}

const dayIso = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** P2: the dashboard at 10 clients, the very SQL it runs replayed through bare mysql2, 365 vs 90 days. */
export async function p2({ base, db, headers, seconds, capture }) {
  const dashboard = (days) => `${base}/api/dashboard?from=${dayIso(-(days - 1))}&to=${dayIso(0)}`;
  const statements = (await capture(() => fetch(dashboard(90), { headers }).then((res) => res.json()))).map(({ sql }) => sql);
  if (statements.some((sql) => !/^\s*SELECT/i.test(sql))) throw new Error(`the dashboard ran a write: ${statements.find((sql) => !/^\s*SELECT/i.test(sql))}`);
  // The API must know who is calling (the principal lookup) before it can scope the dashboard
  // queries, which then run in parallel: the replay keeps that order. All-parallel is reported too.
  const [lookup, ...rest] = statements;
  const ordered = /FROM users u INNER JOIN tenants t/i.test(lookup);
  const result = {
    statements: statements.length,
    sqlFingerprint: createHash('sha256').update(statements.join('\n')).digest('hex').slice(0, 12),
    endpoint90: await http({ url: dashboard(90), connections: 10, seconds, headers }),
    sql90: await replay({
      work: async () => {
        if (!ordered) return Promise.all(statements.map((sql) => db.query(sql)));
        await db.query(lookup);
        return Promise.all(rest.map((sql) => db.query(sql)));
      },
      concurrency: 10,
      seconds,
    }),
    sql90AllParallel: await replay({ work: () => Promise.all(statements.map((sql) => db.query(sql))), concurrency: 10, seconds }),
    endpoint365: await http({ url: dashboard(365), connections: 10, seconds, headers }),
  };
  result.replayOrder = ordered ? 'principal lookup, then the rest in parallel' : 'all in parallel';
  result.endpointOverSql = round(result.endpoint90.p95 / result.sql90.p95);
  result.endpointOverAllParallelSql = round(result.endpoint90.p95 / result.sql90AllParallel.p95);
  result.days365Over90 = round(result.endpoint365.p95 / result.endpoint90.p95);
  return result;
}

/** P4: keyset page 1 against a page 100,000 rows deep (or as deep as a quick data set goes). */
export async function p4({ base, db, headers, seconds, depth }) {
  const [[deep]] = await db.query(
    "SELECT a.attended_at AS at, a.id FROM attendances a JOIN tenants t ON t.id = a.tenant_id WHERE t.slug = 'demo' AND a.deleted_at IS NULL ORDER BY a.attended_at DESC, a.id DESC LIMIT 1 OFFSET ?",
    [depth - 1],
  );
  const cursor = Buffer.from(JSON.stringify([new Date(deep.at).toISOString(), deep.id])).toString('base64url');
  const page1 = await http({ url: `${base}/api/attendances?limit=50`, connections: 10, seconds, headers });
  const deepPage = await http({ url: `${base}/api/attendances?limit=50&cursor=${cursor}`, connections: 10, seconds, headers });
  return { depth, page1, deep: deepPage, deepOverFirst: round(deepPage.p95 / page1.p95) };
}

/**
 * P10: the 90-day dashboard of Demo with `small` attendances against Demo with `large` (10×, the
 * same daily rate over a 10× longer history), each in its own database and API process, 10 clients each. Both warmed up first (unmeasured), then
 * alternated in rounds in the order A B B A, so the shared machine's drift weighs on both alike.
 */
export async function p10({ small, large, seconds }) {
  const dashboard = (side) => ({ url: `${side.base}/api/dashboard?from=${dayIso(-89)}&to=${dayIso(0)}`, connections: 10, headers: side.headers });
  const rounds = { small: [], large: [] };
  await http({ ...dashboard(small), seconds: 2 });
  await http({ ...dashboard(large), seconds: 2 });
  for (const side of ['small', 'large', 'large', 'small']) {
    rounds[side].push(await http({ ...dashboard(side === 'small' ? small : large), seconds: seconds / 2 }));
  }
  const smallRun = combined(rounds.small, seconds);
  const largeRun = combined(rounds.large, seconds);
  return {
    smallRows: small.rows,
    largeRows: large.rows,
    days: [small.days, large.days],
    rowsIn90Days: [small.inRange, large.inRange],
    small: smallRun,
    large: largeRun,
    largeOverSmall: round(largeRun.p95 / smallRun.p95),
  };
}
