import type { MigrationInterface, QueryRunner } from 'typeorm';
import { normalizeEmail } from '../../validation/email';

/**
 * Columns compared byte for byte on every engine. SQLite compares text exactly already; MySQL's
 * default utf8mb4_unicode_ci equated "ádmin@" with "admin@" and "CaseX-1" with "casex-1".
 * Emails are stored in their normal form (normalizeEmail), so exact comparison is still
 * case-insensitive for them; external ids, tokens and internal keys are exact on purpose.
 */
export const EXACT_COLUMNS: ReadonlyArray<readonly [table: string, column: string]> = [
  ['users', 'email'],
  ['attendances', 'external_id'],
  ['notifications', 'event_key'],
  ['rate_limit_counters', 'bucket'],
  ['refresh_tokens', 'token_hash'],
  ['action_tokens', 'token_hash'],
  ['api_keys', 'prefix'],
  ['api_keys', 'key_hash'],
  ['tenants', 'slug'],
  ['job_runs', 'job'],
  ['job_runs', 'slot'],
  ['job_markers', 'name'],
];

interface ColumnDefinition {
  type: string;
  nullable: string;
  defaultValue: string | null;
}

export class ExactKeyComparisons1763800000006 implements MigrationInterface {
  name = 'ExactKeyComparisons1763800000006';

  async up(queryRunner: QueryRunner): Promise<void> {
    await normalizeStoredEmails(queryRunner);
    if (queryRunner.connection.driver.options.type !== 'mysql') return;
    for (const [table, column] of EXACT_COLUMNS) await setCollation(queryRunner, table, column, 'utf8mb4_bin');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.driver.options.type !== 'mysql') return;
    for (const [table, column] of EXACT_COLUMNS) await setCollation(queryRunner, table, column, 'utf8mb4_unicode_ci');
  }
}

/**
 * Rewrites emails stored before the normal form was enforced everywhere. Two accounts that would
 * collide are reported and the migration stops: merging people's accounts is not a migration's call.
 */
async function normalizeStoredEmails(queryRunner: QueryRunner): Promise<void> {
  const rows: { id: string; email: string }[] = await queryRunner.query('SELECT id, email FROM users');
  const owners = new Map<string, string[]>();
  for (const row of rows) owners.set(normalizeEmail(row.email), [...(owners.get(normalizeEmail(row.email)) ?? []), row.email]);
  const conflicts = [...owners.entries()].filter(([, emails]) => emails.length > 1);
  if (conflicts.length > 0) {
    const listed = conflicts.map(([normal, emails]) => `${normal} <- ${emails.join(', ')}`).join('; ');
    throw new Error(`Cannot normalise user emails: these accounts would share one address (resolve them by hand, then migrate again): ${listed}`);
  }
  for (const row of rows) {
    const normal = normalizeEmail(row.email);
    if (normal !== row.email) await queryRunner.query('UPDATE users SET email = ? WHERE id = ?', [normal, row.id]);
  }
}

/** Re-declares a MySQL column with another collation, keeping its type, nullability and default. */
async function setCollation(queryRunner: QueryRunner, table: string, column: string, collation: string): Promise<void> {
  const [definition]: ColumnDefinition[] = await queryRunner.query(
    `SELECT COLUMN_TYPE AS type, IS_NULLABLE AS nullable, COLUMN_DEFAULT AS defaultValue FROM information_schema.COLUMNS
      WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME = ?`,
    [table, column],
  );
  if (!definition) throw new Error(`Column ${table}.${column} not found`);
  const nullability = definition.nullable === 'YES' ? 'NULL' : 'NOT NULL';
  // MariaDB reports a string default quoted ('x') and a missing one as NULL or the text NULL.
  const hasDefault = definition.defaultValue !== null && definition.defaultValue !== 'NULL';
  const defaultClause = hasDefault ? ` DEFAULT ${definition.defaultValue}` : '';
  await queryRunner.query(
    `ALTER TABLE \`${table}\` MODIFY \`${column}\` ${definition.type} CHARACTER SET utf8mb4 COLLATE ${collation} ${nullability}${defaultClause}`,
  );
}
