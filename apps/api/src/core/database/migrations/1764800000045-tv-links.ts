import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { schemaColumns } from './schema-columns';

/** TV links: read-only, revocable tokens (stored hashed) that open the TV board of a tenant or a team. */
export class TvLinks1764800000045 implements MigrationInterface {
  name = 'TvLinks1764800000045';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = schemaColumns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'tv_links',
        columns: [
          c.id(),
          c.uuid('tenant_id'),
          c.createdAt(),
          c.varchar('name', 80),
          c.uuid('team_id', true),
          c.varchar('prefix', 16),
          c.varchar('token_hash', 64),
          c.uuid('created_by', true),
          c.datetime('last_used_at', true),
          c.datetime('revoked_at', true),
        ],
        indices: [
          new TableIndex({ name: 'uq_tv_links_hash', columnNames: ['token_hash'], isUnique: true }),
          new TableIndex({ name: 'idx_tv_links_tenant_created', columnNames: ['tenant_id', 'created_at'] }),
        ],
        foreignKeys: [
          new TableForeignKey({ name: 'fk_tv_links_tenant', columnNames: ['tenant_id'], referencedTableName: 'tenants', referencedColumnNames: ['id'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('tv_links');
  }
}
