import type { QueryRunner, TableColumnOptions } from 'typeorm';

/**
 * Column builders shared by the migrations so that one migration file produces the same
 * schema on MySQL/MariaDB and on SQLite. They mirror what TypeORM itself would emit for the
 * entity decorators, which keeps the schema-drift test quiet.
 */
/** `YYYY-MM-DD HH:MM:SS.SSS` in UTC: the same text TypeORM stores for a Date on SQLite. */
const SQLITE_NOW = "(strftime('%Y-%m-%d %H:%M:%f', 'now'))";

export function schemaColumns(queryRunner: QueryRunner) {
  const mysql = queryRunner.connection.driver.options.type === 'mysql';

  const uuid = (name: string, nullable = false): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: '36',
    isNullable: nullable,
  });

  return {
    mysql,
    id: (): TableColumnOptions => ({ ...uuid('id'), isPrimary: true }),
    uuid,
    varchar: (name: string, length: number, nullable = false, defaultValue?: string): TableColumnOptions => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable: nullable,
      ...(defaultValue === undefined ? {} : { default: `'${defaultValue}'` }),
    }),
    text: (name: string): TableColumnOptions => ({ name, type: 'text', isNullable: true }),
    /** Up to 16 MB on MySQL (TEXT stops at 64 KB); SQLite's TEXT has no such limit. */
    longText: (name: string): TableColumnOptions => ({ name, type: mysql ? 'mediumtext' : 'text', isNullable: true }),
    int: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'int', isNullable: nullable }),
    double: (name: string): TableColumnOptions => ({ name, type: 'double', isNullable: true }),
    money: (name: string): TableColumnOptions => ({ name, type: 'decimal', precision: 14, scale: 2, isNullable: true }),
    boolean: (name: string, defaultValue: boolean): TableColumnOptions => ({
      name,
      type: 'boolean',
      default: defaultValue ? 1 : 0,
    }),
    datetime: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', isNullable: nullable }),
    // Millisecond precision on both engines, in the format TypeORM writes, so that keyset
    // cursors (which carry JavaScript dates) compare exactly against stored timestamps.
    createdAt: (): TableColumnOptions =>
      mysql
        ? { name: 'created_at', type: 'datetime', precision: 3, default: 'CURRENT_TIMESTAMP(3)' }
        : { name: 'created_at', type: 'datetime', default: SQLITE_NOW },
    updatedAt: (): TableColumnOptions =>
      mysql
        ? { name: 'updated_at', type: 'datetime', precision: 3, default: 'CURRENT_TIMESTAMP(3)', onUpdate: 'CURRENT_TIMESTAMP(3)' }
        : { name: 'updated_at', type: 'datetime', default: SQLITE_NOW },
    deletedAt: (): TableColumnOptions =>
      mysql ? { name: 'deleted_at', type: 'datetime', precision: 3, isNullable: true } : { name: 'deleted_at', type: 'datetime', isNullable: true },
  };
}
