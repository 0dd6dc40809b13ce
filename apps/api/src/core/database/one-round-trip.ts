import type { EntityManager } from 'typeorm';

export interface Statement {
  sql: string;
  params: unknown[];
}

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
  // A loop, not flatMap: a batch's trip binds tens of thousands of values.
  const params: unknown[] = [];
  for (const statement of statements) for (const value of statement.params) params.push(value);
  return manager.query(statements.map(({ sql }) => sql).join(';\n'), params);
}
