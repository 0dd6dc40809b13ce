import * as mysql2 from 'mysql2';
import { ACQUIRE_TIMEOUT_CODE, boundedMysqlDriver, STATEMENT_TIMEOUT_CODE, withoutStatementBound } from '../../src/core/database/bounded-statements';
import { isDatabaseUnavailable } from '../../src/core/errors/database-unavailable';
import { PrivateMariaDb } from './support/private-mariadb';

const STATEMENT_MS = 1000;
const CONNECT_MS = 500;

interface Outcome {
  ms: number;
  rows?: unknown;
  error?: { code?: string; errno?: number };
}

/**
 * The bounds of core/database/bounded-statements.ts on a private MariaDB: the server cancels a slow
 * statement itself, exempt work runs unbound, and a frozen (SIGSTOPped) server fails statements and
 * connection waits on the client's clock, after which the pool serves again by itself.
 */
describe('bounded statements (private MariaDB)', () => {
  let db: PrivateMariaDb;
  let pool: mysql2.Pool;

  type DriverError = { code?: string; errno?: number } | null;
  const timed = (run: (done: (error: DriverError, rows?: unknown) => void) => void) =>
    new Promise<Outcome>((resolve) => {
      const started = Date.now();
      run((error, rows) => resolve({ ms: Date.now() - started, ...(error ? { error: { code: error.code, errno: error.errno } } : { rows }) }));
    });
  // As TypeORM sends them: a pooled connection, then a statement with a callback.
  const query = (sql: string) =>
    timed((done) =>
      pool.getConnection((error, connection) => {
        if (error) return done(error);
        connection.query(sql, (queryError: DriverError, rows?: unknown) => {
          connection.release();
          done(queryError, rows);
        });
      }),
    );
  const threadId = async () => ((await query('SELECT CONNECTION_ID() AS id')).rows as { id: number }[])[0].id;

  beforeAll(async () => {
    db = await PrivateMariaDb.create();
    await db.start();
    const driver = boundedMysqlDriver(mysql2, { statementMs: STATEMENT_MS, connectMs: CONNECT_MS });
    pool = driver.createPool({ host: '127.0.0.1', port: db.port, user: 'root', connectionLimit: 1, connectTimeout: CONNECT_MS });
  }, 60_000);

  afterAll(async () => {
    db?.thaw();
    if (pool) await new Promise((resolve) => pool.end(resolve));
    await db?.destroy();
  });

  it('lets the server cancel a slow statement a little before the client bound, and keeps the connection', async () => {
    const before = await threadId();
    const slow = await query('SELECT SLEEP(3)');
    expect(slow).toEqual({ ms: expect.any(Number), error: { code: undefined, errno: 1969 } });
    expect(slow.ms).toBeLessThan(STATEMENT_MS);
    expect(isDatabaseUnavailable(slow.error)).toBe(true);
    expect(await threadId()).toBe(before);
  });

  it('runs exempt work without a bound, and bounds the same connection again afterwards', async () => {
    const exempt = await withoutStatementBound(() => query('SELECT SLEEP(1.5) AS slept'));
    expect(exempt).toEqual({ ms: expect.any(Number), rows: [{ slept: 0 }] });
    expect((await query('SELECT SLEEP(3)')).error?.errno).toBe(1969);
  });

  it('fails statements and connection waits within their bounds while the server is frozen, and serves again after it resumes', async () => {
    const before = await threadId();
    db.freeze();
    try {
      // The pooled connection: its statement gets no answer; the client gives up and drops the connection.
      const [stuck, queued] = await Promise.all([query('SELECT 1'), query('SELECT 2')]);
      expect(stuck.error?.code).toBe(STATEMENT_TIMEOUT_CODE);
      expect(stuck.ms).toBeGreaterThanOrEqual(STATEMENT_MS - 50);
      expect(stuck.ms).toBeLessThan(STATEMENT_MS + 500);
      // The one waiting for the pool's only connection gets none in time (the replacement cannot connect).
      expect([STATEMENT_TIMEOUT_CODE, ACQUIRE_TIMEOUT_CODE, 'ETIMEDOUT']).toContain(queued.error?.code);
      expect(queued.ms).toBeLessThan(STATEMENT_MS + CONNECT_MS + 500);
      // A new connection: the kernel accepts it, the frozen server never greets it.
      const fresh = await query('SELECT 3');
      expect([ACQUIRE_TIMEOUT_CODE, 'ETIMEDOUT']).toContain(fresh.error?.code);
      expect(fresh.ms).toBeLessThan(CONNECT_MS + 200);
      expect([stuck, queued, fresh].every((outcome) => isDatabaseUnavailable(outcome.error))).toBe(true);
    } finally {
      db.thaw();
    }
    const after = await query('SELECT 4 AS four');
    expect(after.rows).toEqual([{ four: 4 }]);
    expect(await threadId()).not.toBe(before);
  });
});
