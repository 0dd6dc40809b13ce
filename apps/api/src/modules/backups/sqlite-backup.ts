import Database from 'better-sqlite3';
import { createReadStream, existsSync, renameSync, rmSync } from 'node:fs';
import { gunzipTo, writeGzipped } from './gzip-file';

/**
 * SQLite through its online backup API: a consistent copy even while the API keeps writing
 * (WAL), then gzipped.
 */
export async function backupSqlite(databaseFile: string, target: string): Promise<void> {
  if (!existsSync(databaseFile)) throw new Error(`No SQLite database at ${databaseFile}`);
  const copy = `${target}.sqlite-copy`;
  const source = new Database(databaseFile, { fileMustExist: true });
  try {
    await source.backup(copy);
  } finally {
    source.close();
  }
  try {
    await writeGzipped(createReadStream(copy), target);
  } finally {
    rmSync(copy, { force: true });
  }
}

/** Tables other than the migrations ledger that hold at least one row. */
export function sqliteTablesWithRows(databaseFile: string): string[] {
  if (!existsSync(databaseFile)) return [];
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name")
      .all() as { name: string }[];
    return tables.map(({ name }) => name).filter((name) => db.prepare(`SELECT 1 FROM "${name.replace(/"/g, '""')}" LIMIT 1`).get() !== undefined);
  } finally {
    db.close();
  }
}

/** Replaces the database file with the backup's (the API must be stopped). */
export async function restoreSqlite(backup: string, databaseFile: string): Promise<void> {
  const incoming = `${databaseFile}.restoring`;
  try {
    await gunzipTo(backup, incoming);
    const check = new Database(incoming, { fileMustExist: true });
    try {
      const result = check.pragma('quick_check', { simple: true });
      if (result !== 'ok') throw new Error(`The backup is not a sound SQLite database (${String(result)})`);
    } finally {
      check.close();
    }
  } catch (error) {
    rmSync(incoming, { force: true });
    throw error;
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${databaseFile}${suffix}`, { force: true });
  renameSync(incoming, databaseFile);
}
