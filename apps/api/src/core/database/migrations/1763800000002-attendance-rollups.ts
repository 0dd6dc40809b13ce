import { Table, TableIndex, type MigrationInterface, type QueryRunner, type TableColumnOptions } from 'typeorm';

const key = (name: string, length: number): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isPrimary: true });
const counter = (name: string): TableColumnOptions => ({ name, type: 'int', default: 0 });

/**
 * Rollups of attendances for the dashboard (totals, by stage, by origin), per tenant-local day
 * (grain 'D', period YYYY-MM-DD) and per month (grain 'M', period YYYY-MM).
 */
export class AttendanceRollups1763800000002 implements MigrationInterface {
  name = 'AttendanceRollups1763800000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    const base = [key('tenant_id', 36), key('grain', 1), key('period', 10), key('user_id', 36), key('team_id', 36)];
    const indexes = (table: string) => [
      new TableIndex({ name: `idx_${table}_tenant_team`, columnNames: ['tenant_id', 'team_id', 'grain', 'period'] }),
      new TableIndex({ name: `idx_${table}_tenant_user`, columnNames: ['tenant_id', 'user_id', 'grain', 'period'] }),
    ];
    await queryRunner.createTable(
      new Table({
        name: 'attendance_rollup_totals',
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
        indices: indexes('rollup_totals'),
      }),
    );
    await queryRunner.createTable(
      new Table({ name: 'attendance_rollup_stages', columns: [...base, key('stage_id', 36), counter('attendances')], indices: indexes('rollup_stages') }),
    );
    await queryRunner.createTable(
      new Table({ name: 'attendance_rollup_origins', columns: [...base, key('origin_id', 36), counter('attendances')], indices: indexes('rollup_origins') }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['attendance_rollup_origins', 'attendance_rollup_stages', 'attendance_rollup_totals']) await queryRunner.dropTable(table);
  }
}
