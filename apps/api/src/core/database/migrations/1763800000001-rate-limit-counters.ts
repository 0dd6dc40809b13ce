import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Shared fixed-window counters (login throttling, API rate limits). */
export class RateLimitCounters1763800000001 implements MigrationInterface {
  name = 'RateLimitCounters1763800000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'rate_limit_counters',
        columns: [
          { name: 'bucket', type: 'varchar', length: '191', isPrimary: true },
          { name: 'window_started_at_ms', type: 'bigint' },
          { name: 'hits', type: 'int' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('rate_limit_counters');
  }
}
