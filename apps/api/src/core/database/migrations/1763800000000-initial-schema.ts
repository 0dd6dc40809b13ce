import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner, type TableColumnOptions } from 'typeorm';
import { schemaColumns } from './schema-columns';

type Index = { name: string; columns: string[]; unique?: boolean };

/** Every table of SPEC §3. Written with the schema builder so it runs on MySQL and SQLite alike. */
export class InitialSchema1763800000000 implements MigrationInterface {
  name = 'InitialSchema1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = schemaColumns(queryRunner);

    const create = async (name: string, columns: TableColumnOptions[], indices: Index[], foreignKeys: TableForeignKey[] = []) => {
      await queryRunner.createTable(
        new Table({
          name,
          columns,
          indices: indices.map((index) => new TableIndex({ name: index.name, columnNames: index.columns, isUnique: index.unique })),
          foreignKeys,
        }),
      );
    };
    const toTenant = (table: string) =>
      new TableForeignKey({ name: `fk_${table}_tenant`, columnNames: ['tenant_id'], referencedTableName: 'tenants', referencedColumnNames: ['id'] });
    const tenantOwned = [c.id(), c.uuid('tenant_id'), c.createdAt()];
    const editable = [...tenantOwned, c.updatedAt()];

    await create(
      'tenants',
      [
        c.id(),
        c.varchar('name', 120),
        c.varchar('slug', 60),
        c.varchar('status', 20, false, 'trial'),
        c.varchar('plan', 40, false, 'trial'),
        c.datetime('trial_ends_at', true),
        c.varchar('timezone', 64, false, 'America/Sao_Paulo'),
        c.varchar('locale', 16, false, 'pt-BR'),
        c.text('branding'),
        c.text('settings'),
        c.createdAt(),
        c.updatedAt(),
      ],
      [{ name: 'uq_tenants_slug', columns: ['slug'], unique: true }],
    );

    await create(
      'teams',
      [...editable, c.varchar('name', 120), c.uuid('funnel_id', true), c.uuid('origin_group_id', true)],
      [{ name: 'uq_teams_tenant_name', columns: ['tenant_id', 'name'], unique: true }],
      [toTenant('teams')],
    );

    await create(
      'users',
      [
        ...editable,
        c.varchar('email', 254),
        c.varchar('full_name', 120),
        c.varchar('phone', 32, true),
        c.varchar('avatar_url', 500, true),
        c.varchar('password_hash', 255, true),
        c.varchar('role', 20),
        c.uuid('team_id', true),
        c.boolean('is_active', true),
        c.datetime('last_login_at', true),
      ],
      [
        { name: 'uq_users_email', columns: ['email'], unique: true },
        { name: 'idx_users_tenant_team', columns: ['tenant_id', 'team_id'] },
        { name: 'idx_users_tenant_role', columns: ['tenant_id', 'role'] },
      ],
      [
        toTenant('users'),
        new TableForeignKey({
          name: 'fk_users_team',
          columnNames: ['team_id'],
          referencedTableName: 'teams',
          referencedColumnNames: ['id'],
          onDelete: 'SET NULL',
        }),
      ],
    );

    await create('funnels', [...editable, c.varchar('name', 120)], [{ name: 'idx_funnels_tenant', columns: ['tenant_id', 'name'] }], [toTenant('funnels')]);
    await create(
      'funnel_stages',
      [...editable, c.uuid('funnel_id'), c.varchar('name', 80), c.varchar('color', 40), c.int('position'), c.boolean('is_won', false)],
      [{ name: 'idx_funnel_stages_tenant_funnel', columns: ['tenant_id', 'funnel_id', 'position'] }],
      [
        toTenant('funnel_stages'),
        new TableForeignKey({
          name: 'fk_funnel_stages_funnel',
          columnNames: ['funnel_id'],
          referencedTableName: 'funnels',
          referencedColumnNames: ['id'],
          onDelete: 'CASCADE',
        }),
      ],
    );

    await create(
      'origin_groups',
      [...editable, c.varchar('name', 120)],
      [{ name: 'idx_origin_groups_tenant', columns: ['tenant_id', 'name'] }],
      [toTenant('origin_groups')],
    );
    await create(
      'origin_items',
      [...editable, c.uuid('origin_group_id'), c.varchar('name', 80), c.varchar('color', 40), c.int('position')],
      [{ name: 'idx_origin_items_tenant_group', columns: ['tenant_id', 'origin_group_id', 'position'] }],
      [
        toTenant('origin_items'),
        new TableForeignKey({
          name: 'fk_origin_items_group',
          columnNames: ['origin_group_id'],
          referencedTableName: 'origin_groups',
          referencedColumnNames: ['id'],
          onDelete: 'CASCADE',
        }),
      ],
    );

    await create(
      'attendances',
      [
        ...editable,
        c.uuid('user_id', true),
        c.uuid('team_id', true),
        c.uuid('funnel_stage_id', true),
        c.uuid('origin_item_id', true),
        c.varchar('external_id', 128),
        c.varchar('customer_name', 160, true),
        c.varchar('customer_phone', 32, true),
        c.varchar('channel', 20, false, 'whatsapp'),
        c.varchar('title', 200, true),
        c.text('summary'),
        c.longText('full_summary'),
        c.int('score', true),
        c.double('first_response_time_min'),
        c.double('handling_time_min'),
        c.boolean('converted', false),
        c.money('sale_value'),
        c.datetime('attended_at'),
        c.deletedAt(),
      ],
      [
        { name: 'uq_attendances_tenant_external', columns: ['tenant_id', 'external_id'], unique: true },
        // deleted_at sits before attended_at: every read filters `deleted_at IS NULL`, and with
        // it outside the index MariaDB gave up the range scan (keyset pages 300× slower).
        { name: 'idx_attendances_tenant_live_attended', columns: ['tenant_id', 'deleted_at', 'attended_at', 'id'] },
        { name: 'idx_attendances_tenant_user_live_attended', columns: ['tenant_id', 'user_id', 'deleted_at', 'attended_at', 'id'] },
        { name: 'idx_attendances_tenant_team_live_attended', columns: ['tenant_id', 'team_id', 'deleted_at', 'attended_at', 'id'] },
      ],
      [toTenant('attendances')],
    );

    await create(
      'refresh_tokens',
      [
        ...tenantOwned,
        c.uuid('user_id'),
        c.uuid('family_id'),
        c.varchar('token_hash', 64),
        c.datetime('expires_at'),
        c.datetime('session_expires_at'),
        c.datetime('last_used_at', true),
        c.datetime('revoked_at', true),
        c.uuid('replaced_by', true),
        c.varchar('ip', 45, true),
        c.varchar('user_agent', 255, true),
        c.uuid('impersonator_id', true),
      ],
      [
        { name: 'uq_refresh_tokens_hash', columns: ['token_hash'], unique: true },
        { name: 'idx_refresh_tokens_tenant_user', columns: ['tenant_id', 'user_id'] },
        { name: 'idx_refresh_tokens_family', columns: ['family_id'] },
      ],
      [
        toTenant('refresh_tokens'),
        new TableForeignKey({
          name: 'fk_refresh_tokens_user',
          columnNames: ['user_id'],
          referencedTableName: 'users',
          referencedColumnNames: ['id'],
          onDelete: 'CASCADE',
        }),
      ],
    );

    await create(
      'action_tokens',
      [...tenantOwned, c.uuid('user_id'), c.varchar('purpose', 20), c.varchar('token_hash', 64), c.datetime('expires_at'), c.datetime('used_at', true)],
      [
        { name: 'uq_action_tokens_hash', columns: ['token_hash'], unique: true },
        { name: 'idx_action_tokens_tenant_user', columns: ['tenant_id', 'user_id', 'purpose'] },
      ],
      [
        toTenant('action_tokens'),
        new TableForeignKey({
          name: 'fk_action_tokens_user',
          columnNames: ['user_id'],
          referencedTableName: 'users',
          referencedColumnNames: ['id'],
          onDelete: 'CASCADE',
        }),
      ],
    );

    await create(
      'api_keys',
      [
        ...tenantOwned,
        c.varchar('name', 80),
        c.varchar('prefix', 16),
        c.varchar('key_hash', 64),
        c.uuid('created_by', true),
        c.datetime('last_used_at', true),
        c.datetime('revoked_at', true),
      ],
      [
        { name: 'uq_api_keys_hash', columns: ['key_hash'], unique: true },
        { name: 'idx_api_keys_tenant', columns: ['tenant_id', 'created_at'] },
      ],
      [toTenant('api_keys')],
    );

    await create(
      'notifications',
      [
        ...tenantOwned,
        c.uuid('user_id'),
        c.varchar('type', 40),
        c.varchar('title', 200),
        c.text('body'),
        c.varchar('link', 500, true),
        c.varchar('event_key', 160, true),
        c.datetime('read_at', true),
      ],
      [
        { name: 'idx_notifications_tenant_user_created', columns: ['tenant_id', 'user_id', 'created_at'] },
        { name: 'idx_notifications_tenant_user_read', columns: ['tenant_id', 'user_id', 'read_at'] },
        { name: 'uq_notifications_event', columns: ['tenant_id', 'user_id', 'event_key'], unique: true },
      ],
      [
        toTenant('notifications'),
        new TableForeignKey({
          name: 'fk_notifications_user',
          columnNames: ['user_id'],
          referencedTableName: 'users',
          referencedColumnNames: ['id'],
          onDelete: 'CASCADE',
        }),
      ],
    );

    await create(
      'audit_logs',
      [
        ...tenantOwned,
        c.uuid('actor_id', true),
        c.uuid('impersonator_id', true),
        c.varchar('action', 60),
        c.varchar('entity', 40),
        c.uuid('entity_id', true),
        c.text('changes'),
        c.varchar('ip', 45, true),
        c.varchar('user_agent', 255, true),
      ],
      [
        { name: 'idx_audit_logs_tenant_created', columns: ['tenant_id', 'created_at'] },
        { name: 'idx_audit_logs_tenant_entity', columns: ['tenant_id', 'entity', 'entity_id'] },
      ],
      [toTenant('audit_logs')],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'audit_logs',
      'notifications',
      'api_keys',
      'action_tokens',
      'refresh_tokens',
      'attendances',
      'origin_items',
      'origin_groups',
      'funnel_stages',
      'funnels',
      'users',
      'teams',
      'tenants',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
