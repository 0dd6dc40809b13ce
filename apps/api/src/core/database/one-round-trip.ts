import type { DataSource, EntityManager } from 'typeorm';

export interface Statement {
  sql: string;
  params: unknown[];
}

/** How statements sent together are joined (what the table-write watcher splits them on). */
export const STATEMENT_SEPARATOR = ';\n';

/** `count` copies of `each`, comma-separated: the `?, ?, ?` of an IN list, the `(?, ?), (?, ?)` of a multi-row VALUES. */
export const commaList = (each: string, count: number): string => Array(count).fill(each).join(', ');

/**
 * Runs statements in order and returns each one's result. On MySQL/MariaDB they travel together
 * in one round trip (the pool allows multiple statements); a failing one stops the rest and
 * rejects, like a failing single query. SQLite runs in process and takes them one by one.
 */
export async function inOneRoundTrip<Results extends unknown[]>(manager: EntityManager, statements: Statement[]): Promise<Results> {
  if (manager.connection.options.type !== 'mysql' || statements.length <= 1) {
    const results: unknown[] = [];
    for (const { sql, params } of statements) results.push(await manager.query(sql, params));
    return results as Results;
  }
  const { sql, params } = joined(statements);
  return manager.query(sql, params);
}

/** Statements as one text and one list of values, in order. */
function joined(statements: Statement[]): Statement {
  // A loop, not flatMap: a batch's trip binds tens of thousands of values.
  const params: unknown[] = [];
  for (const statement of statements) for (const value of statement.params) params.push(value);
  return { sql: statements.map(({ sql }) => sql).join(STATEMENT_SEPARATOR), params };
}

/**
 * Runs statements as one transaction and returns each one's result. On MySQL/MariaDB the START
 * TRANSACTION, the statements and the COMMIT travel in a single round trip (three fewer socket
 * writes and wake-ups on each side than a TypeORM transaction around `inOneRoundTrip`); when one
 * fails, the rest are not run, the transaction is rolled back and the call rejects. SQLite runs
 * them in a TypeORM transaction.
 */
export async function inOneTransaction<Results extends unknown[]>(dataSource: DataSource, statements: Statement[]): Promise<Results> {
  if (dataSource.options.type !== 'mysql') return dataSource.transaction((manager) => inOneRoundTrip<Results>(manager, statements));
  const runner = dataSource.createQueryRunner();
  try {
    const { sql, params } = joined([{ sql: 'START TRANSACTION', params: [] }, ...statements, { sql: 'COMMIT', params: [] }]);
    const results: unknown[] = await runner.query(sql, params);
    return results.slice(1, -1) as Results;
  } catch (error) {
    // Whatever ran before the failing statement is still pending on this connection: undo it
    // before the connection goes back to the pool. (A broken connection is dropped by the pool.)
    await runner.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}
