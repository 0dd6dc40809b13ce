import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { DataSource, Equal } from 'typeorm';
import type { AppConfig } from '../src/core/config/app-config';
import { buildDataSourceOptions } from '../src/core/database/data-source-options';
import { ENTITIES } from '../src/entities';
import { runMigrations } from '../src/core/database/run-migrations';
import { JobRegistry } from '../src/core/jobs/job-registry';
import { JobRepository } from '../src/core/jobs/job.repository';
import { JobRunner } from '../src/core/jobs/job-runner';
import { backupName } from '../src/modules/backups/backup-files';
import { BackupService, RestoreRefusedError } from '../src/modules/backups/backup.service';
import { findDumpTool } from '../src/modules/backups/mysql-dump-tool';
import { Tenant } from '../src/modules/tenants/entities/tenant.entity';
import { createTestDatabase, testEngine, type TestDatabase } from './support/test-database';
import { startTestApp, testConfig, type TestApp } from './support/test-app';

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** Row count and a hash of the sorted rows of every table, read through the same driver on both sides. */
async function fingerprint(dataSource: DataSource): Promise<Record<string, { rows: number; sha256: string }>> {
  const mysql = dataSource.options.type === 'mysql';
  const tables: { name: string }[] = await dataSource.query(
    mysql
      ? "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME"
      : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  );
  const result: Record<string, { rows: number; sha256: string }> = {};
  for (const { name } of tables) {
    const rows: object[] = await dataSource.query(`SELECT * FROM ${mysql ? `\`${name}\`` : `"${name}"`}`);
    const lines = rows.map((row) => JSON.stringify(row)).sort();
    result[name] = { rows: rows.length, sha256: createHash('sha256').update(lines.join('\n')).digest('hex') };
  }
  return result;
}

/** MySQL's own CHECKSUM TABLE, as a second opinion on the MySQL side. */
async function serverChecksums(dataSource: DataSource, tables: string[]): Promise<Record<string, string>> {
  const rows: { Table: string; Checksum: string | number }[] = await dataSource.query(`CHECKSUM TABLE ${tables.map((name) => `\`${name}\``).join(', ')}`);
  return Object.fromEntries(rows.map((row) => [row.Table.split('.').pop()!, String(row.Checksum)]));
}

describe('backup and restore', () => {
  let t: TestApp;
  let backupDir: string;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    backupDir = mkdtempSync(join(tmpdir(), 'fasto-backups-'));
    t = await startTestApp({ seed: { attendances: true }, env: { BACKUP_DIR: backupDir } });
    // Values that break naive dumps: quotes, semicolons, backslashes, newlines, emoji.
    const acme = await t.dataSource.getRepository(Tenant).findOneByOrFail({ slug: Equal('acme') });
    await t.dataSource
      .getRepository(Tenant)
      .update(
        { id: Equal(acme.id) },
        { name: `O'Brien; "Acme" \\ back\\slash\nsecond line -- ünïcødé 🎉 /* x */`, branding: { logoUrl: "it's;\n--" } as never },
      );
  });
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
    await t.close();
    rmSync(backupDir, { recursive: true, force: true });
  });

  /** A fresh, empty database with its own config, as a restore target. */
  async function emptyTarget(): Promise<{ database: TestDatabase; config: AppConfig }> {
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    return { database, config: testConfig(database, { BACKUP_DIR: backupDir }) };
  }

  async function openTarget(config: AppConfig): Promise<DataSource> {
    const dataSource = await new DataSource(buildDataSourceOptions(config, ENTITIES)).initialize();
    cleanups.unshift(async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
    });
    return dataSource;
  }

  const dumpers: ('auto' | 'builtin')[] = testEngine() === 'mysql' ? ['auto', 'builtin'] : ['auto'];

  it.each(dumpers)('round-trips into an empty database with identical row counts and checksums (%s dumper)', async (dumper) => {
    const source = new BackupService(t.config, { mysqlDumper: dumper });
    const result = await source.backup(new Date());
    expect(basename(result.path)).toMatch(testEngine() === 'mysql' ? /^fasto-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ(-\d+)?\.sql\.gz$/ : /\.sqlite\.gz$/);
    const tool = findDumpTool();
    if (testEngine() === 'sqlite') expect(result.method).toBe('sqlite-backup-api');
    else if (dumper === 'builtin' || !tool) expect(result.method).toBe('builtin');
    // An installed client that does not fit the server (MySQL 8 mysqldump vs MariaDB) falls back to ours.
    else expect(result.fallbackReason ? 'builtin' : basename(tool)).toBe(result.method);

    const { config } = await emptyTarget();
    await new BackupService(config).restore(result.path);
    const restored = await openTarget(config);

    const before = await fingerprint(t.dataSource);
    const after = await fingerprint(restored);
    expect(before['attendances'].rows).toBe(5800);
    expect(after).toEqual(before);
    if (testEngine() === 'mysql') {
      const tables = Object.keys(before);
      expect(await serverChecksums(restored, tables)).toEqual(await serverChecksums(t.dataSource, tables));
    }
    // The restored schema is the current one: nothing left to migrate, and the odd values survived.
    expect(await runMigrations(restored)).toEqual([]);
    expect((await restored.getRepository(Tenant).findOneByOrFail({ slug: Equal('acme') })).name).toContain('O\'Brien; "Acme" \\ back\\slash\nsecond line');
  });

  it('refuses to overwrite a database that holds data unless forced, and refuses the wrong kind of file', async () => {
    const service = new BackupService(t.config);
    const { path } = await service.backup(new Date());
    const { config } = await emptyTarget();
    const target = new BackupService(config);
    await target.restore(path);
    const restored = await openTarget(config);
    await restored.query("UPDATE tenants SET name = 'changed after restore' WHERE slug = 'acme'");
    await restored.destroy();

    await expect(target.restore(path)).rejects.toThrow(RestoreRefusedError);
    await expect(target.restore(path)).rejects.toThrow(/not empty .*--force/);
    const unchanged = await openTarget(config);
    expect((await unchanged.getRepository(Tenant).findOneByOrFail({ slug: Equal('acme') })).name).toBe('changed after restore');
    await unchanged.destroy();

    await target.restore(path, { force: true });
    const forced = await openTarget(config);
    expect(await fingerprint(forced)).toEqual(await fingerprint(t.dataSource));

    const otherKind = join(backupDir, testEngine() === 'mysql' ? 'elsewhere.sqlite.gz' : 'elsewhere.sql.gz');
    writeFileSync(otherKind, '');
    await expect(target.restore(otherKind, { force: true })).rejects.toThrow(/is not a/);
    rmSync(otherKind);
    await expect(target.restore(join(backupDir, 'missing.sql.gz'))).rejects.toThrow(/No such backup file/);
  });

  it('runs as the scheduled job and keeps 3 days of backups (fixed clock), never the last one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fasto-retention-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const config = { ...t.config, backupDir: dir };
    // The job as registered, but writing into its own folder.
    const registered = t.app.get(JobRegistry).get('backup')!;
    const { BackupJob } = await import('../src/modules/backups/backup.job');
    const job = { ...registered, handler: new BackupJob(new BackupService(config)) };
    const t0 = new Date('2026-11-20T02:55:00.000Z');
    const at = (ms: number) => new JobRunner(new JobRepository(t.dataSource), 'instance-a', () => new Date(t0.getTime() + ms));
    const files = () => readdirSync(dir).sort();
    const name = (ms: number) => backupName(new Date(t0.getTime() + ms), testEngine() === 'mysql' ? 'sql' : 'sqlite');

    expect(await at(0).run(job, 'day-1')).toMatchObject({
      outcome: 'ok',
      message: expect.stringMatching(/^wrote fasto-2026-11-20T02-55-00Z\..*pruned nothing$/),
    });
    await at(71 * HOUR + 59 * MINUTE).run(job, 'day-3');
    expect(files()).toEqual([name(0), name(71 * HOUR + 59 * MINUTE)]);

    const outcome = await at(72 * HOUR).run(job, 'day-4');
    expect(outcome).toMatchObject({ outcome: 'ok', message: expect.stringContaining(`pruned ${name(0)}`) });
    expect(files()).toEqual([name(71 * HOUR + 59 * MINUTE), name(72 * HOUR)]);

    // Backups stopped for a week: the newest one stays even though it is far past retention.
    const service = new BackupService(config);
    expect(service.prune(new Date(t0.getTime() + 10 * 24 * HOUR))).toEqual([name(71 * HOUR + 59 * MINUTE)]);
    expect(files()).toEqual([name(72 * HOUR)]);
    expect(service.prune(new Date(t0.getTime() + 100 * 24 * HOUR))).toEqual([]);
    expect(existsSync(join(dir, name(72 * HOUR)))).toBe(true);
  });
});
