import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const NAME = 'idx_attendances_tenant_updated';
const INDEX = new TableIndex({ name: NAME, columnNames: ['tenant_id', 'updated_at', 'id'] });

/** Keyset paging of `GET /integration/attendances` on (updated_at, id) within a tenant, deleted rows included. */
export class AttendanceSyncIndex1764700000000 implements MigrationInterface {
  name = 'AttendanceSyncIndex1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('attendances', INDEX);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('attendances', NAME);
  }
}
