import type { Connection } from 'mysql2';
import { escape } from 'mysql2';
import { quoteName } from './mysql-connection';

/** One INSERT carries up to this many rows or about this much text (well under max_allowed_packet). */
const ROWS_PER_INSERT = 500;
const BYTES_PER_INSERT = 1024 * 1024;

/**
 * Our own logical dump, for hosts without mysqldump/mariadb-dump (the production image): one
 * consistent snapshot, every base table as DROP + SHOW CREATE TABLE + batched INSERTs, streamed
 * row by row so memory stays flat. Each statement ends with ";\n"; strings are escaped, so a
 * value never contains a raw newline.
 */
export async function* dumpMysql(connection: Connection, label: string): AsyncGenerator<string> {
  const db = connection.promise();
  await db.query('SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ');
  await db.query('START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY');
  try {
    yield `-- Fasto logical backup: ${label}\n`;
    yield "SET NAMES utf8mb4;\nSET time_zone = '+00:00';\nSET FOREIGN_KEY_CHECKS = 0;\nSET UNIQUE_CHECKS = 0;\n";
    const [tables] = await db.query<import('mysql2').RowDataPacket[]>(
      "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME",
    );
    for (const { name } of tables as { name: string }[]) {
      const [[created]] = await db.query<import('mysql2').RowDataPacket[]>(`SHOW CREATE TABLE ${quoteName(name)}`);
      yield `\nDROP TABLE IF EXISTS ${quoteName(name)};\n${created['Create Table']};\n`;
      const [columns] = await db.query<import('mysql2').RowDataPacket[]>(
        "SELECT COLUMN_NAME AS name FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND EXTRA NOT LIKE '%GENERATED%' ORDER BY ORDINAL_POSITION",
        [name],
      );
      const columnList = (columns as { name: string }[]).map((column) => quoteName(column.name)).join(', ');
      const head = `INSERT INTO ${quoteName(name)} (${columnList}) VALUES\n`;
      let batch: string[] = [];
      let bytes = 0;
      const rows = connection.query({ sql: `SELECT ${columnList} FROM ${quoteName(name)}`, rowsAsArray: true }).stream();
      for await (const row of rows as AsyncIterable<Parameters<typeof escape>[0][]>) {
        const tuple = `(${row.map((value) => escape(value)).join(',')})`;
        batch.push(tuple);
        bytes += tuple.length;
        if (batch.length >= ROWS_PER_INSERT || bytes >= BYTES_PER_INSERT) {
          yield `${head}${batch.join(',\n')};\n`;
          batch = [];
          bytes = 0;
        }
      }
      if (batch.length) yield `${head}${batch.join(',\n')};\n`;
    }
    yield '\nSET FOREIGN_KEY_CHECKS = 1;\nSET UNIQUE_CHECKS = 1;\n';
  } finally {
    await db.query('COMMIT');
  }
}
