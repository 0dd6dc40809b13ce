// The TV board (issue 24, QUALITY P9): a wall screen polls it all day and every screen of a tenant asks the same.
import { http, replay, round } from './load.mjs';

/**
 * The board's statements in the order the API has to send them: the link lookup first (the guard needs
 * the tenant), then the board's reads together, except the goals' rollup sums, which wait for the
 * goals they sum (GoalSummaries reads the goals, then their sums). The general log lists statements
 * as they were sent, so a rollup read after the goals' SELECT is one of those sums.
 */
function roundTrips(statements) {
  const lookup = statements.find((sql) => /FROM tv_links/i.test(sql));
  const rest = statements.filter((sql) => sql !== lookup);
  const goalsAt = rest.findIndex((sql) => /FROM `?goals`?/i.test(sql));
  if (goalsAt < 0) return { lookup, first: rest, goals: null, goalSums: [] };
  const isGoalSum = (sql, index) => index > goalsAt && /attendance_rollup_/.test(sql);
  return {
    lookup,
    first: rest.filter((sql, index) => index !== goalsAt && !isGoalSum(sql, index)),
    goals: rest[goalsAt],
    goalSums: rest.filter(isGoalSum),
  };
}

/**
 * GET /api/tv/board (month and week) at 10 clients with a TV link's token, as a screen sends it,
 * against the SQL it runs replayed through bare mysql2 in the same round trips (`roundTrips`).
 */
export async function tv({ base, db, headers, seconds, capture }) {
  const created = await fetch(`${base}/api/tv-links`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'bench' }),
  });
  if (created.status !== 201) throw new Error(`POST /api/tv-links answered ${created.status}`);
  const link = await created.json();
  const screen = { 'x-fasto-tv-token': link.token };
  const board = (period) => `${base}/api/tv/board?period=${period}`;
  try {
    // The first call also stamps the link's last use (once a minute): capture a later one.
    await fetch(board('month'), { headers: screen });
    const statements = (await capture(() => fetch(board('month'), { headers: screen }).then((res) => res.json()))).map(({ sql }) => sql);
    if (statements.some((sql) => !/^\s*SELECT/i.test(sql))) throw new Error(`the TV board ran a write: ${statements.find((sql) => !/^\s*SELECT/i.test(sql))}`);
    const { lookup, first, goals, goalSums } = roundTrips(statements);
    const month = await http({ url: board('month'), connections: 10, seconds, headers: screen });
    const sql = await replay({
      work: async () => {
        if (lookup) await db.query(lookup);
        const goalChain = goals ? db.query(goals).then(() => Promise.all(goalSums.map((statement) => db.query(statement)))) : null;
        return Promise.all([...first.map((statement) => db.query(statement)), goalChain]);
      },
      concurrency: 10,
      seconds,
    });
    const week = await http({ url: board('week'), connections: 10, seconds, headers: screen });
    // The same board for a signed-in admin: tells the TV token's lookup apart from the board itself.
    const signedIn = await http({ url: board('month'), connections: 10, seconds, headers });
    return { statements: statements.length, month, sql, week, signedIn, endpointOverSql: round(month.p95 / sql.p95) };
  } finally {
    await fetch(`${base}/api/tv-links/${link.id}`, { method: 'DELETE', headers });
  }
}
