import type { RowDataPacket } from 'mysql2';
import type { Connection } from 'mysql2/promise';
import { gunzipText } from './gzip-file';
import { quoteName } from './mysql-connection';
import { SqlStatementSplitter } from './sql-statements';

const SANDBOX_LINE = /^\/\*M!999999\\- enable the sandbox mode \*\/[^\n]*\n/;

/** Base tables other than the migrations ledger that hold at least one row. */
export async function mysqlTablesWithRows(db: Connection): Promise<string[]> {
  const [tables] = await db.query<RowDataPacket[]>(
    "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME <> 'schema_migrations' ORDER BY TABLE_NAME",
  );
  const withRows: string[] = [];
  for (const { name } of tables as { name: string }[]) {
    const [rows] = await db.query<RowDataPacket[]>(`SELECT 1 FROM ${quoteName(name)} LIMIT 1`);
    if (rows.length) withRows.push(name);
  }
  return withRows;
}

/**
 * Empties the database (every table dropped, so nothing of the old schema survives next to the
 * restored one) and replays the dump statement by statement on one connection.
 */
export async function restoreMysql(db: Connection, backup: string): Promise<number> {
  await db.query('SET FOREIGN_KEY_CHECKS = 0');
  const [tables] = await db.query<RowDataPacket[]>('SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()');
  for (const { name } of tables as { name: string }[]) await db.query(`DROP TABLE IF EXISTS ${quoteName(name)}`);
  const splitter = new SqlStatementSplitter();
  let executed = 0;
  let first = true;
  for await (const chunk of gunzipText(backup)) {
    // mariadb-dump ≥ 10.11.8 opens with a mysql-client directive that has no semicolon: drop it.
    const text = first ? (chunk as string).replace(SANDBOX_LINE, '') : (chunk as string);
    first = false;
    for (const statement of splitter.push(text)) {
      await db.query(statement);
      executed++;
    }
  }
  for (const statement of splitter.end()) {
    await db.query(statement);
    executed++;
  }
  await db.query('SET FOREIGN_KEY_CHECKS = 1');
  return executed;
}
