import { DataSource, type Table } from 'typeorm';
import { buildDataSourceOptions } from '../src/core/database/data-source-options';
import { ENTITIES } from '../src/entities';
import { MIGRATIONS } from '../src/core/database/migrations';

/** The only tables that belong to no tenant. */
const GLOBAL_TABLES = ['tenants', 'rate_limit_counters', 'job_runs', 'job_markers'];
import { runMigrations } from '../src/core/database/run-migrations';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { testConfig } from './support/test-app';

/** A comparable picture of the live schema: tables, columns, indexes. */
async function describeSchema(dataSource: DataSource): Promise<Record<string, unknown>> {
  const runner = dataSource.createQueryRunner();
  try {
    const tables = await runner.getTables(dataSource.entityMetadatas.map((metadata) => metadata.tableName));
    return Object.fromEntries(
      tables
        .map((table: Table) => [
          table.name.split('.').pop(),
          {
            columns: table.columns.map((column) => `${column.name}:${column.type}:${column.isNullable ? 'null' : 'not-null'}`).sort(),
            indices: table.indices.map((index) => `${index.name}(${index.columnNames.join(',')})${index.isUnique ? '!' : ''}`).sort(),
          },
        ])
        .sort(),
    );
  } finally {
    await runner.release();
  }
}

describe('database schema', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(buildDataSourceOptions(testConfig(database), ENTITIES)).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('migrates an empty database, and a second run is a no-op', async () => {
    const first = await runMigrations(dataSource);
    expect(first.map((migration) => migration.name)).toEqual(MIGRATIONS.map((Migration) => new Migration().name));
    const before = await describeSchema(dataSource);
    expect(Object.keys(before)).toHaveLength(ENTITIES.length);

    expect(await runMigrations(dataSource)).toEqual([]);
    expect(await describeSchema(dataSource)).toEqual(before);
  });

  it('has every column each entity maps, with the same nullability', async () => {
    const runner = dataSource.createQueryRunner();
    try {
      for (const metadata of dataSource.entityMetadatas) {
        const table = (await runner.getTable(metadata.tableName))!;
        const live = Object.fromEntries(table.columns.map((column) => [column.name, column.isNullable]));
        const mapped = Object.fromEntries(metadata.columns.map((column) => [column.databaseName, column.isNullable]));
        expect({ table: metadata.tableName, columns: live }).toEqual({ table: metadata.tableName, columns: mapped });
      }
    } finally {
      await runner.release();
    }
  });

  it('gives every tenant-owned table a NOT NULL tenant_id leading an index (ORM metadata and live schema)', async () => {
    const tenantOwned = dataSource.entityMetadatas.filter((metadata) => metadata.findColumnWithPropertyName('tenantId'));
    expect(tenantOwned.map((metadata) => metadata.tableName).sort()).toEqual(
      ENTITIES.map((entity) => dataSource.getMetadata(entity).tableName)
        .filter((name) => !GLOBAL_TABLES.includes(name))
        .sort(),
    );
    const runner = dataSource.createQueryRunner();
    try {
      for (const metadata of tenantOwned) {
        const column = metadata.findColumnWithPropertyName('tenantId')!;
        expect({ table: metadata.tableName, nullable: column.isNullable }).toEqual({ table: metadata.tableName, nullable: false });
        const declared = metadata.indices.some((index) => index.columns[0]?.propertyName === 'tenantId');
        expect({ table: metadata.tableName, declared }).toEqual({ table: metadata.tableName, declared: true });

        const table = (await runner.getTable(metadata.tableName))!;
        const live = table.findColumnByName('tenant_id')!;
        const leadsIndex = table.indices.some((index) => index.columnNames[0] === 'tenant_id');
        expect({ table: metadata.tableName, nullable: live.isNullable, leadsIndex }).toEqual({ table: metadata.tableName, nullable: false, leadsIndex: true });
      }
    } finally {
      await runner.release();
    }
  });

  it('has the indexes the dashboard, lists and idempotent ingest rely on', async () => {
    const schema = (await describeSchema(dataSource)) as Record<string, { indices: string[] }>;
    expect(schema['attendances'].indices).toEqual(
      expect.arrayContaining([
        'idx_attendances_tenant_live_attended(tenant_id,deleted_at,attended_at,id)',
        'idx_attendances_tenant_user_live_attended(tenant_id,user_id,deleted_at,attended_at,id)',
        'idx_attendances_tenant_team_live_attended(tenant_id,team_id,deleted_at,attended_at,id)',
        'idx_attendances_tenant_updated(tenant_id,updated_at,id)',
        'uq_attendances_tenant_external(tenant_id,external_id)!',
      ]),
    );
    expect(schema['users'].indices).toContain('uq_users_email(email)!');
    expect(schema['refresh_tokens'].indices).toContain('uq_refresh_tokens_hash(token_hash)!');
  });

  it('can roll the schema back and forward again', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    const runner = dataSource.createQueryRunner();
    expect(await runner.hasTable('attendances')).toBe(false);
    expect(await runner.hasTable('rate_limit_counters')).toBe(false);
    await runner.release();
    expect(await runMigrations(dataSource)).toHaveLength(MIGRATIONS.length);
    expect(await dataSource.createQueryRunner().hasTable('attendances')).toBe(true);
  });
});
