import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * `SELECT … FOR UPDATE` on MySQL, to serialize read-check-write sequences. SQLite runs one
 * write transaction at a time already (and TypeORM refuses the lock there).
 */
export function forUpdate<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return query.connection.options.type === 'mysql' ? query.setLock('pessimistic_write') : query;
}
