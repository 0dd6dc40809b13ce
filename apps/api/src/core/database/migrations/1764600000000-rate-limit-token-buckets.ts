import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fixed-window counters become token buckets: one "tokens all back at" timestamp and the last
 * take's answer per bucket. Counts are short-lived, so the old ones are simply dropped.
 */
export class RateLimitTokenBuckets1764600000000 implements MigrationInterface {
  name = 'RateLimitTokenBuckets1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DELETE FROM rate_limit_counters');
    await queryRunner.query('ALTER TABLE rate_limit_counters ADD COLUMN refilled_at_ms bigint NOT NULL DEFAULT 0');
    await queryRunner.query('ALTER TABLE rate_limit_counters ADD COLUMN granted boolean NOT NULL DEFAULT 0');
    await queryRunner.query('ALTER TABLE rate_limit_counters DROP COLUMN window_started_at_ms');
    await queryRunner.query('ALTER TABLE rate_limit_counters DROP COLUMN hits');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DELETE FROM rate_limit_counters');
    await queryRunner.query('ALTER TABLE rate_limit_counters ADD COLUMN window_started_at_ms bigint NOT NULL DEFAULT 0');
    await queryRunner.query('ALTER TABLE rate_limit_counters ADD COLUMN hits int NOT NULL DEFAULT 0');
    await queryRunner.query('ALTER TABLE rate_limit_counters DROP COLUMN refilled_at_ms');
    await queryRunner.query('ALTER TABLE rate_limit_counters DROP COLUMN granted');
  }
}
