import BetterSqlite3 from 'better-sqlite3';
import mysql from 'mysql2';

type Method = (this: unknown, ...args: unknown[]) => unknown;

/** mysql2 takes a text, `{ sql }` or a Query command; all three carry the SQL as given (before it inlines values). */
const mysqlSql = (first: unknown): unknown => (typeof first === 'string' ? first : (first as { sql?: unknown } | null)?.sql);

/** Where the driver's own method is kept, on the patched object itself (see `wrap`). */
const originalKey = (name: string) => `__tenantSqlOriginal_${name}`;

/**
 * Replaces `target[name]` by a method that shows its SQL to `see` first. A native addon
 * (better-sqlite3) is loaded once per process, so its prototypes outlive a test file's module
 * registry: each file's setup wraps the driver's own method again, never the previous file's wrapper.
 */
function wrap(target: object, name: string, sqlOf: (self: unknown, args: unknown[]) => unknown, see: (sql: unknown) => void): void {
  const methods = target as Record<string, Method>;
  const original = (methods[originalKey(name)] ??= methods[name]);
  methods[name] = function (this: unknown, ...args: unknown[]) {
    see(sqlOf(this, args));
    return original.apply(this, args);
  };
}

/**
 * Hands `see` the SQL of every statement the two drivers are asked to run, TypeORM's or not:
 * mysql2's Connection `query`/`execute` (pool connections are Connections) and better-sqlite3's
 * Statement `run`/`get`/`all`/`iterate` plus Database `exec`. SQLite is watched where a statement
 * runs, not where it is prepared: TypeORM reuses prepared statements, and a check at `prepare`
 * would see a text once or not at all depending on what ran before.
 */
export function watchDrivers(see: (sql: unknown) => void): void {
  const connection = mysql.Connection.prototype as object;
  for (const name of ['query', 'execute']) wrap(connection, name, (_self, args) => mysqlSql(args[0]), see);

  wrap(BetterSqlite3.prototype, 'exec', (_self, args) => args[0], see);
  const probe = new BetterSqlite3(':memory:');
  const statement = Object.getPrototypeOf(probe.prepare('SELECT 1')) as object;
  probe.close();
  for (const name of ['run', 'get', 'all', 'iterate']) wrap(statement, name, (self) => (self as { source: string }).source, see);
}
