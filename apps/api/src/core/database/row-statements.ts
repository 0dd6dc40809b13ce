import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { entityColumns, InsertBuilder, type Statement } from './insert-statement';

export { entityColumns } from './insert-statement';

/**
 * An INSERT of one row as a plain statement, to send with others in one round trip (the one
 * builder, insert-statement.ts). Columns left out take their defaults (give the id).
 */
export function insertRowStatement<Entity extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<Entity>, values: Partial<Entity>): Statement {
  return new InsertBuilder<Partial<Entity>>(manager, target, Object.keys(values)).statements([values])[0];
}

/** An UPDATE of the given columns of the rows matching `where` (equalities), as a plain statement. */
export function updateRowsStatement<Entity extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<Entity>,
  where: Partial<Entity>,
  values: Partial<Entity>,
): Statement {
  const set = entityColumns(manager, target, Object.keys(values));
  const match = entityColumns(manager, target, Object.keys(where));
  const driver = manager.connection.driver;
  const table = manager.connection.getMetadata(target).tableName;
  return {
    sql: `UPDATE ${table} SET ${set.map((column) => `${column.databaseName} = ?`).join(', ')} WHERE ${match.map((column) => `${column.databaseName} = ?`).join(' AND ')}`,
    params: [
      ...set.map((column) => driver.preparePersistentValue(values[column.propertyName], column)),
      ...match.map((column) => driver.preparePersistentValue(where[column.propertyName], column)),
    ],
  };
}
