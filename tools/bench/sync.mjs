// P9 for the sync read-back (GET /api/integration/attendances, n8n's way to copy Fasto's data out):
// a page at 10 clients on the big tenant, against the very SQL it runs replayed through bare
// mysql2, and a page 100,000 changes deep against page 1 (the P4 keyset goal).
import { createHash } from 'node:crypto';
import { mysql } from './dataset.mjs';
import { http, replay, round } from './load.mjs';

const LIMIT = 100;
const CONCURRENCY = 10;

export async function sync({ base, db, databaseUrl, apiKey, tenantId, seconds, depth, capture }) {
  const headers = { 'x-api-key': apiKey };
  // The row `depth` changes into the sync, in the route's own order; its cursor is (updated_at, id) as the API encodes it.
  const [[deep]] = await db.query('SELECT updated_at AS at, id FROM attendances WHERE tenant_id = ? ORDER BY updated_at, id LIMIT 1 OFFSET ?', [
    tenantId,
    depth - 1,
  ]);
  const cursor = Buffer.from(JSON.stringify([new Date(deep.at).toISOString(), deep.id])).toString('base64url');
  const page = (query) => `${base}/api/integration/attendances?limit=${LIMIT}${query}`;
  const get = async (url) => {
    const response = await fetch(url, { headers });
    const body = await response.json();
    if (response.status !== 200 || body.items.length !== LIMIT) throw new Error(`sync page: HTTP ${response.status} ${JSON.stringify(body).slice(0, 200)}`);
  };
  // A first call, so that the capture sees the steady state (the key's last_used_at is refreshed at most once a minute).
  await get(page(`&cursor=${cursor}`));
  const statements = (await capture(() => get(page(`&cursor=${cursor}`)))).map(({ sql }) => sql);
  // multipleStatements like the API's own pool: a captured round trip may hold several statements.
  const pool = mysql.createPool({ uri: databaseUrl, connectionLimit: CONCURRENCY, multipleStatements: true });
  const result = {
    limit: LIMIT,
    depth,
    statements: statements.length,
    sqlFingerprint: createHash('sha256').update(statements.join('\n')).digest('hex').slice(0, 12),
    page1: await http({ url: page(''), connections: CONCURRENCY, seconds, headers }),
    deep: await http({ url: page(`&cursor=${cursor}`), connections: CONCURRENCY, seconds, headers }),
    // The deep page's statements in order on one connection per client, as the API runs them.
    sql: await replay({
      concurrency: CONCURRENCY,
      seconds,
      work: async () => {
        const connection = await pool.getConnection();
        try {
          for (const sql of statements) await connection.query(sql);
        } finally {
          connection.release();
        }
      },
    }),
  };
  await pool.end();
  result.deepOverFirst = round(result.deep.p95 / result.page1.p95);
  result.endpointOverSql = round(result.deep.p95 / result.sql.p95);
  return result;
}
