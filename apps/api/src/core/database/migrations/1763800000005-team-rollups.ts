import { Table, TableIndex, type MigrationInterface, type QueryRunner, type TableColumnOptions } from 'typeorm';

const key = (name: string, length: number): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isPrimary: true });
const counter = (name: string): TableColumnOptions => ({ name, type: 'int', default: 0 });

const TOTALS = ['attendances', 'converted', 'score_sum', 'score_count', 'first_response_sum', 'first_response_count', 'sale_value_sum'];

/**
 * The dashboard rollups again, without the agent dimension: per tenant, team, grain and period.
 * Tenant- and team-wide dashboards (the common case) read these instead of summing one row per
 * agent (QUALITY P2). Filled from the per-agent rollups, so existing data needs no rebuild.
 */
export class TeamRollups1763800000005 implements MigrationInterface {
  name = 'TeamRollups1763800000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    const base = [key('tenant_id', 36), key('grain', 1), key('period', 10), key('team_id', 36)];
    const indexes = (table: string) => [new TableIndex({ name: `idx_${table}_tenant_team`, columnNames: ['tenant_id', 'team_id', 'grain', 'period'] })];
    await queryRunner.createTable(
      new Table({
        name: 'attendance_rollup_team_totals',
        columns: [
          ...base,
          counter('attendances'),
          counter('converted'),
          { name: 'score_sum', type: 'bigint', default: 0 },
          counter('score_count'),
          { name: 'first_response_sum', type: 'double', default: 0 },
          counter('first_response_count'),
          { name: 'sale_value_sum', type: 'decimal', precision: 16, scale: 2, default: 0 },
        ],
        indices: indexes('rollup_team_totals'),
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'attendance_rollup_team_stages',
        columns: [...base, key('stage_id', 36), counter('attendances')],
        indices: indexes('rollup_team_stages'),
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'attendance_rollup_team_origins',
        columns: [...base, key('origin_id', 36), counter('attendances')],
        indices: indexes('rollup_team_origins'),
      }),
    );

    const keys = 'tenant_id, grain, period, team_id';
    const sums = (columns: string[]) => columns.map((column) => `SUM(${column})`).join(', ');
    await queryRunner.query(
      `INSERT INTO attendance_rollup_team_totals (${keys}, ${TOTALS.join(', ')}) SELECT ${keys}, ${sums(TOTALS)} FROM attendance_rollup_totals GROUP BY ${keys}`,
    );
    await queryRunner.query(
      `INSERT INTO attendance_rollup_team_stages (${keys}, stage_id, attendances) SELECT ${keys}, stage_id, SUM(attendances) FROM attendance_rollup_stages GROUP BY ${keys}, stage_id`,
    );
    await queryRunner.query(
      `INSERT INTO attendance_rollup_team_origins (${keys}, origin_id, attendances) SELECT ${keys}, origin_id, SUM(attendances) FROM attendance_rollup_origins GROUP BY ${keys}, origin_id`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['attendance_rollup_team_origins', 'attendance_rollup_team_stages', 'attendance_rollup_team_totals'])
      await queryRunner.dropTable(table);
  }
}
