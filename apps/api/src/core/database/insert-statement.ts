import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/** One SQL statement and its bound values (no value is ever written into the text). */
export interface Statement {
  sql: string;
  params: unknown[];
}

/** `count` copies of `each`, comma-separated: the `?, ?, ?` of an IN list, the `(?, ?), (?, ?)` of a multi-row VALUES. */
export const commaList = (each: string, count: number): string => Array(count).fill(each).join(', ');

/** What a row that hits a unique key does: fail the statement (default), stay as it is, or add the new values to these columns. */
export type OnDuplicate = { kind: 'fail' } | { kind: 'ignore' } | { kind: 'add'; properties: readonly string[]; key: readonly string[] };

export interface InsertOptions {
  onDuplicate?: OnDuplicate;
  /** Rows per statement at most (default 400: well under both engines' bound-parameter limits). */
  rowsPerStatement?: number;
  /** Split the rows that do not fill a statement in powers of two: at most nine distinct SQL texts, for `executePrepared`. */
  fewSizes?: boolean;
}

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
 * The one INSERT/upsert builder of the API: multi-row INSERTs of one entity's columns, up to `rowsPerStatement`
 * rows each, their SQL text put together once and reused (every ingest writes the same statements
 * with other values). Values are converted by the driver exactly as in TypeORM's own writes
 * (`preparePersistentValue`: dates, transformers); nothing is read back; columns left out take
 * their defaults. On a unique key a row fails (default), is skipped (MySQL's INSERT IGNORE would
 * also swallow truncation and type errors, so a no-op update is used instead), or adds its values.
 */
export class InsertBuilder<Row> {
  private readonly head: string;
  private readonly placeholders: string;
  private readonly tail: string;
  private readonly columns: ColumnMetadata[];

  constructor(
    private readonly manager: EntityManager,
    target: EntityTarget<ObjectLiteral>,
    properties: readonly string[],
    private readonly options: InsertOptions = {},
  ) {
    const onDuplicate = options.onDuplicate ?? { kind: 'fail' };
    const table = manager.connection.getMetadata(target).tableName;
    const mysql = manager.connection.options.type === 'mysql';
    this.columns = entityColumns(manager, target, properties);
    const names = this.columns.map((column) => column.databaseName);
    this.head = `INSERT INTO ${table} (${names.join(', ')}) VALUES `;
    this.placeholders = `(${commaList('?', names.length)})`;
    this.tail = duplicateClause(mysql, onDuplicate, names[0], (list) => entityColumns(manager, target, list).map((column) => column.databaseName));
  }

  /** The statements for these rows (none for no rows). */
  statements(
    rows: readonly Row[],
    valueOf: (row: Row, property: string) => unknown = (row, property) => (row as Record<string, unknown>)[property],
  ): Statement[] {
    const driver = this.manager.connection.driver;
    const statements: Statement[] = [];
    let start = 0;
    const full = this.options.rowsPerStatement ?? 400;
    for (const size of this.options.fewSizes ? chunkSizes(rows.length, full) : evenChunks(rows.length, full)) {
      const end = start + size;
      // Plain loops: a 500-row batch binds ten thousand values.
      const params: unknown[] = [];
      for (let index = start; index < end; index++) {
        for (const column of this.columns) params.push(driver.preparePersistentValue(valueOf(rows[index], column.propertyName), column));
      }
      statements.push({ sql: this.head + commaList(this.placeholders, size) + this.tail, params });
      start = end;
    }
    return statements;
  }
}

/** Rows per statement: full chunks, then the rest in one. */
function evenChunks(rows: number, full: number): number[] {
  const sizes: number[] = [];
  for (let left = rows; left > 0; left -= full) sizes.push(Math.min(left, full));
  return sizes;
}

/** Rows per statement: full chunks, then the rest in powers of two (any row count uses at most log2(full) + 2 sizes). */
export function chunkSizes(rows: number, full: number): number[] {
  const sizes: number[] = [];
  let left = rows;
  for (; left >= full; left -= full) sizes.push(full);
  for (let size = left > 0 ? 2 ** Math.floor(Math.log2(left)) : 0; size >= 1; size /= 2) {
    if (left >= size) {
      sizes.push(size);
      left -= size;
    }
  }
  return sizes;
}

function duplicateClause(mysql: boolean, onDuplicate: OnDuplicate, firstColumn: string, columnsOf: (properties: readonly string[]) => string[]): string {
  if (onDuplicate.kind === 'fail') return '';
  if (onDuplicate.kind === 'ignore') return mysql ? ` ON DUPLICATE KEY UPDATE ${firstColumn} = ${firstColumn}` : ' ON CONFLICT DO NOTHING';
  const increments = columnsOf(onDuplicate.properties)
    .map((column) => (mysql ? `${column} = ${column} + VALUES(${column})` : `${column} = ${column} + excluded.${column}`))
    .join(', ');
  return mysql ? ` ON DUPLICATE KEY UPDATE ${increments}` : ` ON CONFLICT (${columnsOf(onDuplicate.key).join(', ')}) DO UPDATE SET ${increments}`;
}
