import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { schemaColumns } from './schema-columns';

/** Scheduled-job runs (the once-per-slot lock and the run history) and once-only markers. */
export class JobRuns1763800000004 implements MigrationInterface {
  name = 'JobRuns1763800000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = schemaColumns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'job_runs',
        columns: [
          c.id(),
          c.varchar('job', 60),
          c.varchar('slot', 60),
          c.varchar('instance_id', 120),
          c.varchar('status', 10),
          c.datetime('started_at'),
          c.datetime('finished_at', true),
          c.int('duration_ms', true),
          c.varchar('message', 1000, true),
          c.datetime('lease_expires_at'),
        ],
        indices: [
          new TableIndex({ name: 'uq_job_runs_job_slot', columnNames: ['job', 'slot'], isUnique: true }),
          new TableIndex({ name: 'idx_job_runs_job_started', columnNames: ['job', 'started_at'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'job_markers',
        columns: [{ name: 'name', type: 'varchar', length: '191', isPrimary: true }, c.datetime('created_at')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('job_markers');
    await queryRunner.dropTable('job_runs');
  }
}
