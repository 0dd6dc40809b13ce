import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** Columns that change on reads by design, left out of the comparison. */
const VOLATILE: Record<string, string[]> = { api_keys: ['last_used_at'] };
/** Tables that count requests, accepted or not (rate limits and login throttling). */
const COUNTERS = new Set(['rate_limit_counters']);

/** A fingerprint of every row of every table, to prove a rejected request changed nothing. */
export async function databaseSnapshot(dataSource: DataSource): Promise<string> {
  let tables = dataSource.entityMetadatas.filter((metadata) => !COUNTERS.has(metadata.tableName));
  const dumps: string[] = [];
  if (dataSource.options.type === 'mysql') {
    // One round trip: the server checksums whole rows; tables with volatile columns are dumped below.
    const whole = tables.filter((metadata) => !VOLATILE[metadata.tableName]);
    const sums = (await dataSource.query(`CHECKSUM TABLE ${whole.map((metadata) => dataSource.driver.escape(metadata.tableName)).join(', ')}`)) as unknown[];
    dumps.push(JSON.stringify(sums));
    tables = tables.filter((metadata) => VOLATILE[metadata.tableName]);
  }
  const rows = await Promise.all(
    tables.map(async (metadata) => {
      const columns = metadata.columns.map((column) => column.databaseName).filter((name) => !(VOLATILE[metadata.tableName] ?? []).includes(name));
      const escape = (name: string) => dataSource.driver.escape(name);
      const order = metadata.primaryColumns.map((column) => escape(column.databaseName)).join(', ');
      const found = await dataSource.query(`SELECT ${columns.map(escape).join(', ')} FROM ${escape(metadata.tableName)} ORDER BY ${order}`);
      return `${metadata.tableName}:${JSON.stringify(found)}`;
    }),
  );
  return createHash('sha1')
    .update([...dumps, ...rows].join('\n'))
    .digest('hex');
}
