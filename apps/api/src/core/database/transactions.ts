import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import type { MysqlQueryRunner } from 'typeorm/driver/mysql/MysqlQueryRunner';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { BroadcasterResult } from 'typeorm/subscriber/BroadcasterResult';
import { clsStore } from '../tenancy/tenant-scope';
import type { Statement } from './insert-statement';

// No dot in the key: nestjs-cls reads dots as a path into a nested object, which a nested scope would share.
export const TRANSACTION_KEY = 'transactionManager';

// No dot in the key, as above.
const REPLICA_KEY = 'replicaManager';

/**
 * The manager of the transaction the running code is in, else a read replica's inside `ReplicaReads.run`
 * (replica-reads.ts), else the data source's own. A transaction always wins: what it reads must see its writes.
 */
export function activeManager(dataSource: DataSource): EntityManager {
  return currentTransaction() ?? currentReplica() ?? dataSource.manager;
}

/** The transaction the running code is in (`Transactions.run`, `joinTransaction`), if any. */
export function currentTransaction(): EntityManager | undefined {
  return managerIn(TRANSACTION_KEY);
}

/**
 * Runs `work` inside `transaction`, one the caller was handed rather than opened (TenantContext keeps it across a new scope):
 * the repositories used in `work` join it, as inside `Transactions.run`.
 */
export function joinTransaction<T>(transaction: EntityManager, work: () => T): T {
  return withManager(TRANSACTION_KEY, transaction, work);
}

/** The read replica the running code reads from (`ReplicaReads.run`), if any. */
export function currentReplica(): EntityManager | undefined {
  return managerIn(REPLICA_KEY);
}

/** Runs `work` with a replica's manager as the one repositories use outside a transaction (only `ReplicaReads` calls it). */
export function onReplica<T>(replica: EntityManager, work: () => T): T {
  return withManager(REPLICA_KEY, replica, work);
}

function managerIn(key: string): EntityManager | undefined {
  const cls = clsStore();
  return cls.isActive() ? (cls.get(key) as EntityManager | undefined) : undefined;
}

/** A nested store that keeps the scope and everything else, with `manager` under `key`. */
function withManager<T>(key: string, manager: EntityManager, work: () => T): T {
  return clsStore().run({ ifNested: 'inherit' }, () => {
    clsStore().set(key, manager);
    return work();
  });
}

/**
 * One TypeORM transaction that the repositories used inside it join without being handed it
 * (it travels in the same AsyncLocalStorage store as the tenant scope, which it keeps).
 * Audit entries and domain events join it the same way; `work` receives it for the few writes that
 * are still handed a manager (job markers, the seed).
 */
@Injectable()
export class Transactions {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * `isolation` applies on MySQL/MariaDB only (SQLite runs one writer at a time; TypeORM's
   * better-sqlite3 driver accepts no level).
   */
  run<T>(work: (transaction: EntityManager) => Promise<T>, isolation?: IsolationLevel): Promise<T> {
    const inScope = (manager: EntityManager) => joinTransaction(manager, () => work(manager));
    return isolation && this.dataSource.options.type === 'mysql' ? this.dataSource.transaction(isolation, inScope) : this.dataSource.transaction(inScope);
  }
}

/** How statements sent together are joined (what the table-write watcher splits them on). */
export const STATEMENT_SEPARATOR = ';\n';

/**
 * Runs statements in order through TypeORM (its subscribers see them) and returns each one's
 * result. On MySQL/MariaDB they travel in one round trip: the only reason the pool has
 * `multipleStatements` (data-source-options.ts). A repository uses it for statements that hold
 * the hottest rows until COMMIT (an attendance and its rollup upserts; tools/bench/PERFORMANCE.md
 * has the measured gain). A failing statement stops the rest and rejects, like a failing single
 * query. SQLite runs in process and takes them one by one.
 */
export async function inOneRoundTrip<Results extends unknown[]>(manager: EntityManager, statements: Statement[]): Promise<Results> {
  if (manager.connection.options.type !== 'mysql' || statements.length <= 1) {
    const results: unknown[] = [];
    for (const { sql, params } of statements) results.push(await manager.query(sql, params));
    return results as Results;
  }
  // A loop, not flatMap: a batch's trip binds tens of thousands of values.
  const params: unknown[] = [];
  for (const statement of statements) for (const value of statement.params) params.push(value);
  return manager.query(statements.map(({ sql }) => sql).join(STATEMENT_SEPARATOR), params);
}

/** Statements run in order as one TypeORM transaction (its BEGIN/COMMIT, subscribers and after-commit hooks included), in one round trip. */
export function inOneTransaction<Results extends unknown[]>(dataSource: DataSource, statements: Statement[]): Promise<Results> {
  return dataSource.transaction((manager) => inOneRoundTrip<Results>(manager, statements));
}

/**
 * Runs one statement as a server-side prepared statement on MySQL/MariaDB (SQLite prepares every
 * statement anyway), through the transaction's TypeORM query runner: its subscribers see it like
 * any query, and a failure is TypeORM's QueryFailedError. The values travel in the binary
 * protocol and the server parses the SQL once per connection instead of once per call: for a
 * batch's 250-row INSERTs that parse was a fifth of MariaDB's work (tools/bench/PERFORMANCE.md).
 * The driver keeps one prepared statement per connection and SQL text: use few distinct texts.
 */
export async function executePrepared<Result = unknown>(manager: EntityManager, { sql, params }: Statement): Promise<Result> {
  const runner = manager.queryRunner as MysqlQueryRunner | undefined;
  if (manager.connection.options.type !== 'mysql' || !runner) return manager.query(sql, params);
  const connection = await runner.connect();
  await runner.broadcaster.broadcast('BeforeQuery', sql, params);
  const broadcast = new BroadcasterResult();
  try {
    const [raw] = await connection.promise().execute(sql, params);
    runner.broadcaster.broadcastAfterQueryEvent(broadcast, sql, params, true, undefined, raw, undefined);
    return raw as Result;
  } catch (error) {
    manager.connection.logger.logQueryError(error as Error, sql, params, runner);
    runner.broadcaster.broadcastAfterQueryEvent(broadcast, sql, params, false, undefined, undefined, error);
    throw new QueryFailedError(sql, params, error as Error);
  } finally {
    await broadcast.wait();
  }
}
