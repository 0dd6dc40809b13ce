import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { schemaColumns } from './schema-columns';

/** Outbound webhooks: the endpoints a tenant registered, and the outbox + log of their deliveries. */
export class Webhooks1764700000040 implements MigrationInterface {
  name = 'Webhooks1764700000040';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = schemaColumns(queryRunner);
    const editable = [c.id(), c.uuid('tenant_id'), c.createdAt(), c.updatedAt()];
    const toTenant = (table: string) =>
      new TableForeignKey({ name: `fk_${table}_tenant`, columnNames: ['tenant_id'], referencedTableName: 'tenants', referencedColumnNames: ['id'] });
    await queryRunner.createTable(
      new Table({
        name: 'webhook_endpoints',
        columns: [
          ...editable,
          c.varchar('url', 2000),
          { name: 'events', type: 'text', isNullable: false },
          c.varchar('secret_ciphertext', 255),
          c.boolean('is_active', true),
          { ...c.int('consecutive_failures'), default: 0 },
          c.datetime('disabled_at', true),
          c.uuid('api_key_id', true),
        ],
        indices: [new TableIndex({ name: 'idx_webhook_endpoints_tenant_created', columnNames: ['tenant_id', 'created_at'] })],
        foreignKeys: [toTenant('webhook_endpoints')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'webhook_deliveries',
        columns: [
          ...editable,
          c.uuid('endpoint_id'),
          c.varchar('event', 60),
          { name: 'payload', type: 'text', isNullable: false },
          c.varchar('status', 12),
          { ...c.int('attempts'), default: 0 },
          c.datetime('next_attempt_at', true),
          c.datetime('lease_expires_at', true),
          c.int('last_response_code', true),
          c.int('last_duration_ms', true),
          c.varchar('last_error', 500, true),
          c.datetime('delivered_at', true),
        ],
        indices: [
          new TableIndex({ name: 'idx_webhook_deliveries_tenant_endpoint_created', columnNames: ['tenant_id', 'endpoint_id', 'created_at'] }),
          new TableIndex({ name: 'idx_webhook_deliveries_due', columnNames: ['status', 'next_attempt_at'] }),
        ],
        foreignKeys: [
          toTenant('webhook_deliveries'),
          new TableForeignKey({
            name: 'fk_webhook_deliveries_endpoint',
            columnNames: ['endpoint_id'],
            referencedTableName: 'webhook_endpoints',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('webhook_deliveries');
    await queryRunner.dropTable('webhook_endpoints');
  }
}
