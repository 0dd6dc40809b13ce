// P9: GET /api/goals/progress for the whole Demo tenant, against the SQL it runs replayed through bare mysql2.
import { createHash } from 'node:crypto';
import { http, replay, round } from './load.mjs';

const METRICS = [
  ['attendances', 1000],
  ['conversions', 200],
  ['sale_value', 250000],
  ['conversion_rate', 0.25],
  ['avg_score', 80],
];

/**
 * The goals a busy tenant has: every metric for the tenant and for each team, week and month,
 * plus a weekly and a monthly goal per agent. Set through the API; 409 on a second run is fine.
 */
async function setGoals(base, db, headers, tenantId) {
  const [teams] = await db.query('SELECT id FROM teams WHERE tenant_id = ?', [tenantId]);
  const [agents] = await db.query("SELECT id FROM users WHERE tenant_id = ? AND role = 'agent' AND is_active = 1", [tenantId]);
  const bodies = [];
  for (const period of ['week', 'month']) {
    for (const [metric, target] of METRICS) {
      bodies.push({ scope: 'tenant', metric, period, target });
      for (const team of teams) bodies.push({ scope: 'team', teamId: team.id, metric, period, target });
    }
    for (const agent of agents) bodies.push({ scope: 'user', userId: agent.id, metric: 'conversions', period, target: 50 });
  }
  for (const body of bodies) {
    const response = await fetch(`${base}/api/goals`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 201 && response.status !== 409) throw new Error(`setting a goal: HTTP ${response.status} ${await response.text()}`);
  }
  return bodies.length;
}

export async function goals({ base, db, headers, seconds, capture, tenantId }) {
  const count = await setGoals(base, db, headers, tenantId);
  const url = `${base}/api/goals/progress`;
  const statements = (await capture(() => fetch(url, { headers }).then((res) => res.json()))).map(({ sql }) => sql);
  if (statements.some((sql) => /\b(FROM|JOIN)\s+`?attendances`?\b/i.test(sql))) throw new Error('goals progress read the attendances table');
  // The endpoint reads who calls and the goals first, then the rollup sums in parallel: the replay keeps that order.
  const firstSum = statements.findIndex((sql) => /attendance_rollup_/.test(sql));
  const [before, sums] = [statements.slice(0, firstSum), statements.slice(firstSum)];
  const result = {
    goals: count,
    statements: statements.length,
    sqlFingerprint: createHash('sha256').update(statements.join('\n')).digest('hex').slice(0, 12),
    endpoint: await http({ url, connections: 10, seconds, headers }),
    sql: await replay({
      work: async () => {
        for (const sql of before) await db.query(sql);
        return Promise.all(sums.map((sql) => db.query(sql)));
      },
      concurrency: 10,
      seconds,
    }),
  };
  result.endpointOverSql = round(result.endpoint.p95 / result.sql.p95);
  return result;
}
