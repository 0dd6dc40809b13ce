import type { DataSource, Migration } from 'typeorm';

const LOCK_NAME = 'fasto_schema_migrations';
const LOCK_TIMEOUT_SECONDS = 120;

/**
 * Applies pending migrations, each in its own transaction. On MySQL a named lock makes
 * several instances booting together take turns instead of racing on the same DDL.
 */
export async function runMigrations(dataSource: DataSource): Promise<Migration[]> {
  if (dataSource.options.type !== 'mysql') {
    return dataSource.runMigrations({ transaction: 'each' });
  }
  const runner = dataSource.createQueryRunner();
  try {
    const [row] = await runner.query('SELECT GET_LOCK(?, ?) AS acquired', [LOCK_NAME, LOCK_TIMEOUT_SECONDS]);
    if (Number(row?.acquired) !== 1) throw new Error(`Timed out waiting for the migration lock "${LOCK_NAME}"`);
    try {
      return await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [LOCK_NAME]);
    }
  } finally {
    await runner.release();
  }
}
