import type { EntityManager } from 'typeorm';

/**
 * One multi-row INSERT where rows that hit a unique key are skipped, not failed: the database,
 * not a read beforehand, decides what already exists. (MySQL's INSERT IGNORE would also swallow
 * truncation and type errors, so the no-op update is used instead.)
 */
export async function insertIgnoringDuplicates(manager: EntityManager, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const placeholders = `(${columns.map(() => '?').join(', ')})`;
  const values = rows.flatMap((row) => columns.map((column) => row[column]));
  const mysql = manager.connection.driver.options.type === 'mysql';
  const onDuplicate = mysql ? `ON DUPLICATE KEY UPDATE ${columns[0]} = ${columns[0]}` : 'ON CONFLICT DO NOTHING';
  await manager.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${rows.map(() => placeholders).join(', ')} ${onDuplicate}`, values);
}
