import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { schemaColumns } from './schema-columns';

/** Goals (one per scope, metric and period) and the once-per-period events that notify about them. */
export class Goals1764800000044 implements MigrationInterface {
  name = 'Goals1764800000044';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = schemaColumns(queryRunner);
    const toTenant = (table: string) =>
      new TableForeignKey({ name: `fk_${table}_tenant`, columnNames: ['tenant_id'], referencedTableName: 'tenants', referencedColumnNames: ['id'] });
    await queryRunner.createTable(
      new Table({
        name: 'goals',
        columns: [
          c.id(),
          c.uuid('tenant_id'),
          c.createdAt(),
          c.updatedAt(),
          c.varchar('scope', 8),
          c.varchar('subject_key', 36),
          c.uuid('team_id', true),
          c.uuid('user_id', true),
          c.varchar('metric', 20),
          c.varchar('period', 8),
          { name: 'target', type: 'decimal', precision: 16, scale: 4, isNullable: false },
          c.varchar('active_from', 10),
          c.uuid('created_by', true),
        ],
        indices: [
          new TableIndex({ name: 'uq_goals_subject_metric_period', columnNames: ['tenant_id', 'scope', 'subject_key', 'metric', 'period'], isUnique: true }),
        ],
        foreignKeys: [toTenant('goals')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'goal_events',
        columns: [c.id(), c.uuid('tenant_id'), c.createdAt(), c.uuid('goal_id'), c.varchar('period_start', 10), c.varchar('kind', 12)],
        indices: [new TableIndex({ name: 'uq_goal_events_once', columnNames: ['tenant_id', 'goal_id', 'period_start', 'kind'], isUnique: true })],
        foreignKeys: [
          toTenant('goal_events'),
          new TableForeignKey({
            name: 'fk_goal_events_goal',
            columnNames: ['goal_id'],
            referencedTableName: 'goals',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('goal_events');
    await queryRunner.dropTable('goals');
  }
}
