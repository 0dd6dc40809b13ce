import { AsyncLocalStorage } from 'node:async_hooks';

/** The request path's bounds on MySQL/MariaDB (AppConfig.databaseTimeouts); statementMs 0 lifts the statement bound. */
export interface StatementBounds {
  statementMs: number;
  connectMs: number;
}

/** What a timed-out statement fails with: mysql2's own code for its query timeout. */
export const STATEMENT_TIMEOUT_CODE = 'PROTOCOL_SEQUENCE_TIMEOUT';
/** What a request that got no pooled connection in time fails with. */
export const ACQUIRE_TIMEOUT_CODE = 'POOL_ACQUIRE_TIMEOUT';

/**
 * The server cancels a statement itself a tenth before the client gives up on it: a server that
 * is slow rather than frozen then stops the work (which it would otherwise finish for nobody) and
 * the connection stays usable.
 */
const SERVER_SHARE = 0.9;

const unbounded = new AsyncLocalStorage<true>();

/**
 * Runs `work` with no bound on its statements or its connection waits: migrations and seeding
 * (named-lock.ts: a long ALTER, a GET_LOCK that waits for another instance) and jobs
 * (core/jobs/job-runner.ts: nobody waits on them and their lease covers a stuck run).
 */
export function withoutStatementBound<T>(work: () => T): T {
  return unbounded.run(true, work);
}

type Callback = (error: Error | null, ...results: unknown[]) => void;
type Method = (...args: unknown[]) => unknown;

interface Mysql2Connection {
  query: Method;
  execute: Method;
  destroy(): void;
  release(): void;
}

interface Mysql2Pool {
  getConnection(callback: Callback): void;
  on(event: 'connection', listener: (connection: Mysql2Connection) => void): unknown;
}

interface Mysql2Module {
  createPool(options: unknown): Mysql2Pool;
}

const timeoutError = (message: string, code: string) => Object.assign(new Error(message), { code });

type SendStatement = (sql: string, callback: (error: { errno?: number } | null) => void) => void;
type ServerBound = (send: SendStatement, ms: number) => void;

/** The server's answer to a variable it does not have (MySQL has no max_statement_time, MariaDB no max_execution_time). */
const ER_UNKNOWN_SYSTEM_VARIABLE = 1193;

/**
 * Sets (or, with 0, lifts) a session's server-side statement bound in the engine's own terms:
 * MariaDB's max_statement_time (seconds, every statement), else MySQL's max_execution_time (ms,
 * SELECTs only). One per pool: the first connection finds out which engine answers.
 * Statements on one connection run in order, so the next one already runs under the new setting.
 * Any other failure leaves only the server's part missing: the client bound still holds.
 */
function serverBound(): ServerBound {
  let engine: 'mariadb' | 'mysql' | undefined;
  const mysql = (send: SendStatement, ms: number) => send(`SET SESSION max_execution_time = ${ms}`, () => undefined);
  return (send, ms) => {
    if (engine === 'mysql') return mysql(send, ms);
    send(`SET SESSION max_statement_time = ${ms / 1000}`, (error) => {
      if (error?.errno !== ER_UNKNOWN_SYSTEM_VARIABLE) {
        if (!error) engine = 'mariadb';
        return;
      }
      engine = 'mysql';
      mysql(send, ms);
    });
  };
}

/**
 * Every statement sent through `connection` answers within `statementMs` (from the moment it is
 * queued, so one stuck behind a frozen statement is bound too). mysql2's own `timeout` option
 * starts its timer only when the statement reaches the server and leaves the connection busy,
 * so it would hand the next request a connection that never answers: here the late connection
 * is destroyed instead (it leaves the pool; a server that comes back rolls its transaction back).
 * Statements sent without a callback (streamed, or `pool.query`'s command objects) are not
 * bound: TypeORM and `executePrepared` (transactions.ts) always send one, and the API streams none through the pool.
 */
function boundStatements(connection: Mysql2Connection, statementMs: number, setServer: ServerBound): void {
  const serverMs = Math.floor(statementMs * SERVER_SHARE);
  const query = connection.query;
  const send: SendStatement = (sql, callback) => query.call(connection, sql, callback);
  const setServerBound = (ms: number) => setServer(send, ms);
  setServerBound(serverMs);
  let serverBounded = true;
  const guard =
    (method: Method): Method =>
    (...args) => {
      const exempt = unbounded.getStore() === true;
      if (exempt === serverBounded) {
        serverBounded = !exempt;
        setServerBound(exempt ? 0 : serverMs);
      }
      const callback = args[args.length - 1];
      if (exempt || typeof callback !== 'function') return method.apply(connection, args);
      let answered = false;
      const timer = setTimeout(() => {
        answered = true;
        connection.destroy();
        (callback as Callback)(timeoutError(`The database did not answer within ${statementMs} ms`, STATEMENT_TIMEOUT_CODE));
      }, statementMs);
      const once: Callback = (...results) => {
        if (answered) return;
        answered = true;
        clearTimeout(timer);
        (callback as Callback)(...results);
      };
      return method.apply(connection, [...args.slice(0, -1), once]);
    };
  connection.query = guard(connection.query);
  connection.execute = guard(connection.execute);
}

/** A request waits at most `connectMs` for a pooled connection (mysql2 has no acquire timeout; TypeORM's `acquireTimeout` is not read by it). */
function boundAcquisition(pool: Mysql2Pool, connectMs: number): void {
  const getConnection = pool.getConnection.bind(pool);
  pool.getConnection = (callback) => {
    if (unbounded.getStore() === true) return getConnection(callback);
    let answered = false;
    const timer = setTimeout(() => {
      answered = true;
      callback(timeoutError(`No database connection within ${connectMs} ms`, ACQUIRE_TIMEOUT_CODE));
    }, connectMs);
    getConnection((error, connection) => {
      if (answered) {
        // Came too late for its request: back to the pool for the next one.
        (connection as Mysql2Connection | undefined)?.release();
        return;
      }
      answered = true;
      clearTimeout(timer);
      callback(error, connection);
    });
  };
}

/**
 * mysql2 as TypeORM's driver, with pools whose connection waits and statements are bound
 * (docs/architecture.md, "Bounded queries"): a frozen server answers 503 in seconds instead of
 * holding every request until it resumes, and the pool replaces the connections it gave up on.
 */
export function boundedMysqlDriver<Driver extends Mysql2Module>(mysql2: Driver, bounds: StatementBounds): Driver {
  const createPool = (options: unknown): Mysql2Pool => {
    const pool = mysql2.createPool(options);
    boundAcquisition(pool, bounds.connectMs);
    const setServer = serverBound();
    if (bounds.statementMs > 0) pool.on('connection', (connection) => boundStatements(connection, bounds.statementMs, setServer));
    return pool;
  };
  // Defined, not assigned: a module namespace object has getter-only properties.
  return Object.create(mysql2, { createPool: { value: createPool, enumerable: true } }) as Driver;
}
