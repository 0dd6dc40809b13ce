import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { commaList, type Statement } from './one-round-trip';

/** The columns of these entity properties (a missing one is a programming error). */
export function entityColumns(manager: EntityManager, target: EntityTarget<ObjectLiteral>, properties: readonly string[]): ColumnMetadata[] {
  const metadata = manager.connection.getMetadata(target);
  return properties.map((property) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.tableName} has no column for ${property}`);
    return column;
  });
}

/**
 * An INSERT of one row as a plain statement, to send with others in one round trip: the values
 * are converted by the driver as in TypeORM's own writes, and nothing is read back. Columns left
 * out take their defaults (give the id: nothing generates it here).
 */
export function insertRowStatement<Entity extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<Entity>, values: Partial<Entity>): Statement {
  const columns = entityColumns(manager, target, Object.keys(values));
  const driver = manager.connection.driver;
  const table = manager.connection.getMetadata(target).tableName;
  return {
    sql: `INSERT INTO ${table} (${columns.map((column) => column.databaseName).join(', ')}) VALUES (${commaList('?', columns.length)})`,
    params: columns.map((column) => driver.preparePersistentValue(values[column.propertyName], column)),
  };
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
