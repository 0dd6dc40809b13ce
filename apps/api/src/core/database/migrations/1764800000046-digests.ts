import { Table, TableColumn, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { schemaColumns } from './schema-columns';

/** Digest e-mails: each user's frequency, and one row per user, kind and period that claims its sending. */
export class Digests1764800000046 implements MigrationInterface {
  name = 'Digests1764800000046';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = schemaColumns(queryRunner);
    await queryRunner.addColumn('users', new TableColumn({ ...c.varchar('digest', 10, false, 'weekly') }));
    await queryRunner.createTable(
      new Table({
        name: 'digest_deliveries',
        columns: [
          c.id(),
          c.uuid('tenant_id'),
          c.createdAt(),
          c.uuid('user_id'),
          c.varchar('kind', 10),
          c.varchar('period_start', 10),
          c.varchar('status', 10),
          c.datetime('sent_at', true),
        ],
        indices: [new TableIndex({ name: 'uq_digest_deliveries_period', columnNames: ['tenant_id', 'user_id', 'kind', 'period_start'], isUnique: true })],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_digest_deliveries_tenant',
            columnNames: ['tenant_id'],
            referencedTableName: 'tenants',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('digest_deliveries');
    await queryRunner.dropColumn('users', 'digest');
  }
}
