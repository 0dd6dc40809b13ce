import type { DataSource } from 'typeorm';
import { withoutStatementBound } from './bounded-statements';

/**
 * Runs `work` while holding a MySQL named lock, so that instances booting together take turns
 * (schema migrations, first-boot seeding). SQLite has a single writer process: it runs directly.
 */
export function withNamedLock<T>(dataSource: DataSource, name: string, timeoutSeconds: number, work: () => Promise<T>): Promise<T> {
  if (dataSource.options.type !== 'mysql') return work();
  // Boot-time work (a long ALTER, a wait for another instance's lock) is not a request: no statement bound.
  return withoutStatementBound(() => underLock(dataSource, name, timeoutSeconds, work));
}

async function underLock<T>(dataSource: DataSource, name: string, timeoutSeconds: number, work: () => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  try {
    const [row] = await runner.query('SELECT GET_LOCK(?, ?) AS acquired', [name, timeoutSeconds]);
    if (Number(row?.acquired) !== 1) throw new Error(`Timed out waiting for the lock "${name}"`);
    try {
      return await work();
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [name]);
    }
  } finally {
    await runner.release();
  }
}
