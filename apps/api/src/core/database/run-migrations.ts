import type { DataSource, Migration } from 'typeorm';
import { withNamedLock } from './named-lock';

/**
 * Applies pending migrations, each in its own transaction. On MySQL a named lock makes
 * several instances booting together take turns instead of racing on the same DDL.
 */
export function runMigrations(dataSource: DataSource): Promise<Migration[]> {
  return withNamedLock(dataSource, 'fasto_schema_migrations', 120, () => dataSource.runMigrations({ transaction: 'each' }));
}
