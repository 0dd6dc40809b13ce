// The one table `npm run bench` prints (every scenario, its goal, PASS/FAIL) and bench/results.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORKSPACE } from '../scripts/nx-build.mjs';

const at = (value, goal, pass) => ({ value, goal, pass });
const info = (value) => at(value, 'info', null);

/**
 * QUALITY P9's reads that have a scenario of that BENCH_ONLY name (goals.mjs, tv.mjs in main as
 * this is written): a run that asks for one the bench does not have says "not measured" in its row.
 */
export const P9_READS = [
  ['goals', 'goals progress'],
  ['tv', 'TV board'],
];
const fixed = (value) => (Math.round(value * 100) / 100).toString();

/**
 * One row per QUALITY.md goal, in its order: goal, measured, PASS/FAIL (`-` for information). A
 * scenario left out of the run has no rows; one asked for in BENCH_ONLY but not in the bench yet
 * (`results.notMeasured`) says so where it has a row (the P9 reads).
 */
function goalRows(results) {
  const rows = [];
  const { p1, p2, p3, p4, p5, p6, p10, sync, soak, replica } = results;
  if (p1) rows.push(['P1', '/api/health req/s ÷ bare node:http (50 conns)', at(p1.ratio, '≥ 0.5', p1.ratio >= 0.5)]);
  if (p2) {
    rows.push(['P2', 'dashboard 90 d p95 ms, 10 clients', at(p2.endpoint90.p95, '≤ 100', p2.endpoint90.p95 <= 100)]);
    rows.push(['P2', 'dashboard 90 d p50 ms (info)', info(p2.endpoint90.p50)]);
    rows.push(['P2', 'endpoint p95 ÷ its SQL via mysql2 p95 (same order)', at(p2.endpointOverSql, '≤ 1.3', p2.endpointOverSql <= 1.3)]);
    rows.push(['P2', '… ÷ its SQL all in parallel (info)', info(p2.endpointOverAllParallelSql)]);
    rows.push(['P2', '365 d p95 ÷ 90 d p95', at(p2.days365Over90, '≤ 2', p2.days365Over90 <= 2)]);
  }
  if (p3) {
    rows.push(['P3', 'ingest req/s ÷ same statements via mysql2', at(p3.singleOverSql, '≥ 0.6', p3.singleOverSql >= 0.6)]);
    rows.push(['P3', 'ingest: transactions per request', at(p3.transactions, '= 1', p3.transactions === 1)]);
    rows.push(['P3', 'ingest: read-back SELECT after insert', at(p3.readBackSelect ? 'yes' : 'no', 'no', !p3.readBackSelect)]);
    rows.push([
      'P3',
      `batch rows/s ÷ same statements via mysql2 (${p3.batch.batchSize} per request, ${p3.batch.clients} clients)`,
      at(p3.batchOverSql, '≥ 0.6', p3.batchOverSql >= 0.6),
    ]);
    rows.push(['P3', `batch rows/s (info: ${p3.batchSql.rowsPerSecond} via mysql2)`, info(p3.batch.rowsPerSecond)]);
  }
  if (p4) rows.push(['P4', `keyset page ${p4.depth} rows deep p95 ÷ page 1 p95`, at(p4.deepOverFirst, '≤ 1.5', p4.deepOverFirst <= 1.5)]);
  if (p5) {
    rows.push(['P5', 'unread-count req/s ÷ /api/health req/s (50 conns)', at(p5.ratio, '≥ 0.8', p5.ratio >= 0.8)]);
    rows.push(['P5', 'notification queries for 20 polls of one user in 2 s', at(p5.pollNotificationQueries, '≤ 1', p5.pollNotificationQueries <= 1)]);
    rows.push(['P5', '… all statements incl. the principal lookup (info)', info(p5.pollStatements)]);
  }
  if (p6) {
    rows.push(['P6', 'login req/s ÷ argon2 verify loop (10 conc.)', at(p6.loginOverArgon2, '≥ 0.8', p6.loginOverArgon2 >= 0.8)]);
    rows.push(['P6', '/api/auth/me p95 during 10 logins ÷ idle', at(p6.burstOverIdle, '≤ 2', p6.burstOverIdle <= 2)]);
  }
  if (sync) {
    rows.push(['P9', `sync read-back (${sync.limit} per page) ${sync.depth} deep p95 ms, 10 clients`, at(sync.deep.p95, '≤ 100', sync.deep.p95 <= 100)]);
    rows.push(['P9', 'sync read-back p95 ÷ its SQL via mysql2 p95', at(sync.endpointOverSql, '≤ 1.3', sync.endpointOverSql <= 1.3)]);
    rows.push(['P9', 'sync read-back deep page p95 ÷ page 1 p95 (as P4)', at(sync.deepOverFirst, '≤ 1.5', sync.deepOverFirst <= 1.5)]);
  }
  const { goals: goalRun, tv } = results;
  if (goalRun) {
    rows.push(['P9', `goals progress (${goalRun.goals} goals) p95 ms, 10 clients`, at(goalRun.endpoint.p95, '≤ 100', goalRun.endpoint.p95 <= 100)]);
    rows.push(['P9', 'goals progress p95 ÷ its SQL via mysql2 p95', at(goalRun.endpointOverSql, '≤ 1.3', goalRun.endpointOverSql <= 1.3)]);
  }
  if (tv) {
    rows.push(['P9', 'TV board (month) p95 ms, 10 clients, TV token', at(tv.month.p95, '≤ 100', tv.month.p95 <= 100)]);
    rows.push(['P9', 'TV board p95 ÷ its SQL via mysql2 p95 (same order)', at(tv.endpointOverSql, '≤ 1.3', tv.endpointOverSql <= 1.3)]);
    rows.push(['P9', 'TV board (week) p95 ms, 10 clients', info(tv.week.p95)]);
  }
  for (const [key, label] of P9_READS) {
    if (!results[key] && results.notMeasured?.includes(key)) {
      rows.push(['P9', `${label}: no \`${key}\` scenario in this bench yet`, at('not measured', '≤ 100 ms; ≤ 1.3× SQL', null)]);
    }
  }
  if (p10) {
    const size = (rows) => (rows >= 1_000_000 ? `${rows / 1_000_000}M` : `${rows / 1_000}k`);
    const sizes = `${size(p10.largeRows)} ÷ ${size(p10.smallRows)} rows${results.quick ? ' (quick: a tenth of 1M ÷ 100k)' : ''}`;
    rows.push(['P10', `dashboard 90 d p95 at ${sizes}, 10 clients`, at(p10.largeOverSmall, '≤ 1.2', p10.largeOverSmall <= 1.2)]);
    rows.push([
      'P10',
      `… p95 ms at ${size(p10.smallRows)} / ${size(p10.largeRows)} rows (info: ${p10.rowsIn90Days.join(' / ')} rows in the 90 days)`,
      info(`${p10.small.p95} / ${p10.large.p95}`),
    ]);
  }
  if (replica?.withReplica) {
    const { primaryOnly, withReplica } = replica;
    const reads = 'dashboard, list and export statements on the primary';
    rows.push(['P10', `${reads}, with a read replica`, at(withReplica.readsOnPrimary, '= 0', withReplica.readsOnPrimary === 0)]);
    rows.push(['P10', `… without one (info: the capture sees them)`, info(primaryOnly.readsOnPrimary)]);
    rows.push(['P10', 'dashboard req/s with a replica ÷ primary only', info(replica.ratio)]);
    rows.push([
      'P10',
      `primary SELECT/s under the dashboard load, with a replica (${primaryOnly.primarySelectsPerSecond} without)`,
      info(withReplica.primarySelectsPerSecond),
    ]);
  }
  for (const row of results.capacity ?? []) {
    const rps = (run) => Math.round(run.requestsPerSecond);
    rows.push([
      'Capacity',
      `${row.name}: dashboard req/s, ingest req/s alone; both at once${row.replicasAfter?.length ? ` (replica after: ${row.replicasAfter.join(', ')})` : ''}`,
      info(`${rps(row.dashboardAlone)}, ${rps(row.ingestAlone)}; ${rps(row.dashboardMixed)} + ${rps(row.ingestMixed)}`),
    ]);
  }
  if (soak) {
    rows.push([
      'R5',
      `soak ${soak.seconds} s: failed requests of ${Object.values(soak.requests).reduce((a, b) => a + b, 0)}`,
      at(soak.errors, '= 0', soak.errors === 0),
    ]);
    rows.push(['R5', `soak RSS growth MB (${soak.rssFirstMb} → ${soak.rssLastMb}, first vs last third)`, at(soak.rssGrowthMb, '≤ 25', soak.rssGrowthMb <= 25)]);
  }
  if (results.bootMs !== undefined) rows.push(['P8', 'boot to ready ms', at(results.bootMs, '≤ 3000', results.bootMs <= 3000)]);
  if (results.rssMb !== undefined) rows.push(['P8', 'RSS after the load MB', at(results.rssMb, '≤ 250', results.rssMb <= 250)]);
  return rows.map(([id, name, row]) => ({ id, name, ...row }));
}

function details(results) {
  const { p1, p2, p3, p4, p5, p6, p10, sync, replica, goals: goalRun, tv } = results;
  return [
    p1 && ['P1 bare node:http (50 conns)', p1.bare],
    p1 && ['P1 GET /api/health (50 conns)', p1.health],
    p2 && ['P2 GET /api/dashboard 90 d', p2.endpoint90],
    p2 && [`P2 its ${p2.statements} SQL statements via mysql2`, p2.sql90],
    p2 && ['P2 the same, all in parallel', p2.sql90AllParallel],
    p2 && ['P2 GET /api/dashboard 365 d', p2.endpoint365],
    p3 && ['P3 POST /integration/attendances', p3.single],
    p3 && [`P3 its ${p3.statements} statements via mysql2`, p3.sql],
    p3 && [`P3 POST …/attendances/batch (${p3.batch.rowsPerSecond} rows/s)`, p3.batch],
    p3 && [`P3 its ${p3.batchSql.statements} statements via mysql2 (${p3.batchSql.rowsPerSecond} rows/s)`, p3.batchSql],
    p4 && ['P4 GET /api/attendances page 1', p4.page1],
    p4 && [`P4 GET /api/attendances ${p4.depth} deep`, p4.deep],
    p5 && ['P5 GET /api/health (50 conns)', p5.health],
    p5 && ['P5 GET /api/notifications/unread-count (50 conns)', p5.unread],
    sync && ['P9 GET /integration/attendances page 1', sync.page1],
    sync && [`P9 GET /integration/attendances ${sync.depth} deep`, sync.deep],
    sync && [`P9 its ${sync.statements} statements via mysql2`, sync.sql],
    goalRun && ['P9 GET /api/goals/progress', goalRun.endpoint],
    goalRun && [`P9 its ${goalRun.statements} statements via mysql2`, goalRun.sql],
    tv && ['P9 GET /api/tv/board month', tv.month],
    tv && [`P9 its ${tv.statements} SQL statements via mysql2`, tv.sql],
    tv && ['P9 GET /api/tv/board week', tv.week],
    tv && ['P9 GET /api/tv/board month, admin token', tv.signedIn],
    p10 && [`P10 GET /api/dashboard 90 d, Demo ${p10.smallRows} rows`, p10.small],
    p10 && [`P10 GET /api/dashboard 90 d, Demo ${p10.largeRows} rows`, p10.large],
    replica?.withReplica && ['Replica GET /api/dashboard, primary only', replica.primaryOnly],
    replica?.withReplica && ['Replica GET /api/dashboard, with a read replica', replica.withReplica],
    ...(results.capacity ?? []).flatMap((row) => [
      [`Capacity ${row.name}: GET /api/dashboard alone`, row.dashboardAlone],
      [`Capacity ${row.name}: POST /integration/attendances alone`, row.ingestAlone],
      [`Capacity ${row.name}: dashboard, with ingest`, row.dashboardMixed],
      [`Capacity ${row.name}: ingest, with dashboard`, row.ingestMixed],
    ]),
    p6 && ['P6 argon2 verify loop', p6.standalone],
    p6 && ['P6 POST /api/auth/login', p6.logins],
    p6 && ['P6 GET /api/auth/me idle', p6.otherIdle],
    p6 && ['P6 GET /api/auth/me during logins', p6.otherDuringLogins],
  ].filter(Boolean);
}

function table(lines) {
  const widths = lines[0].map((_, column) => Math.max(...lines.map((line) => String(line[column] ?? '').length)));
  return lines
    .map((line) =>
      line
        .map((cell, column) => String(cell ?? '').padEnd(widths[column]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function report(results, say) {
  const rows = goalRows(results);
  say(
    `data: ${results.data.attendances} attendances (${results.data.perTenant} per tenant), ${results.data.rollupRows} rollup rows${results.quick ? ' — QUICK RUN' : ''}`,
  );
  const verdict = (pass) => (pass === null ? '-' : pass ? 'PASS' : 'FAIL');
  process.stdout.write(
    `\n${table([['#', 'measure', 'goal', 'measured', 'pass/fail'], ...rows.map((row) => [row.id, row.name, row.goal, row.value, verdict(row.pass)])])}\n\n`,
  );
  process.stdout.write(
    `${table([
      ['detail', 'req/s', 'p50 ms', 'p95 ms', 'n'],
      ...details(results).map(([name, figures]) => [name, fixed(figures.requestsPerSecond), fixed(figures.p50), fixed(figures.p95), figures.requests]),
    ])}\n\n`,
  );
  if (results.p3?.cpu) {
    const { single, sql, batchRow, batchSqlRow } = results.p3.cpu;
    process.stdout.write(
      `${table([
        ['CPU µs per unit', 'API', 'database', 'load client'],
        ...[
          ['P3 POST /integration/attendances (request)', single],
          [`P3 its ${results.p3.statements} statements via mysql2 (request)`, sql],
          ['P3 POST …/attendances/batch (row)', batchRow],
          [`P3 its ${results.p3.batchSql.statements} statements via mysql2 (row)`, batchSqlRow],
        ].map(([name, cpu]) => [name, cpu.api ?? '-', cpu.database ?? '-', cpu.client ?? '-']),
      ])}\n\n`,
    );
  }
  // `goalRows`, not `goals`: that is the P9 goals-progress scenario's key.
  const output = { ...results, goalRows: rows };
  const dir = join(WORKSPACE, 'bench');
  mkdirSync(join(dir, 'results'), { recursive: true });
  writeFileSync(join(dir, 'results.json'), JSON.stringify(output, null, 2));
  writeFileSync(join(dir, 'results', `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`), JSON.stringify(output, null, 2));
  say('results written to bench/results.json (and a copy in bench/results/)');
  return rows.every((row) => row.pass !== false);
}
