import 'reflect-metadata';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AppConfig } from './core/config/app-config';
import { ConfigError } from './core/config/config-error';
import { loadConfig } from './core/config/load-config';
import { openDatabase } from './core/database/open-database';
import { runMigrations } from './core/database/run-migrations';
import { ENTITIES } from './entities';
import { BackupService, RestoreRefusedError } from './modules/backups/backup.service';
import { RollupRebuildService } from './modules/attendances/rollups/rollup-rebuild.service';
import { RollupsRepository } from './modules/attendances/rollups/rollups.repository';
import { Transactions } from './core/database/transactions';
import { TenantTables } from './core/tenancy/tenant-table';
import { TenantsRepository } from './modules/tenants/tenants.repository';
import { TenantContext } from './core/tenancy/tenant-context';
import { SeedRepository } from './seed/seed.repository';
import { Seeder } from './seed/seeder';

const USAGE = `usage: fasto-cli <command>
  migrate                                   apply pending migrations
  seed [--attendances N] [--tenant SLUG] [--days D]
                                            seed an empty database; add N attendances over the last D days
                                            (default 120) to a tenant (default demo)
  rollups:rebuild [--tenant SLUG]           recompute the dashboard rollups of one tenant (default: all)
  backup                                    write a compressed backup to BACKUP_DIR, then apply retention
  restore <file> [--force]                  replace the database with a backup (stop the API first);
                                            refuses a database that holds data unless --force`;

const COMMANDS = ['migrate', 'seed', 'rollups:rebuild', 'backup', 'restore'];

const say = (line: string) => process.stdout.write(`fasto: ${line}\n`);

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { attendances: { type: 'string' }, tenant: { type: 'string' }, days: { type: 'string' }, force: { type: 'boolean' } },
  });
  const command = positionals[0];
  if (!COMMANDS.includes(command)) throw new ConfigError(USAGE);
  if (command === 'backup' || command === 'restore') return backupCommand(command, positionals[1], values.force === true);
  const attendances = values.attendances === undefined ? 0 : Number(values.attendances);
  if (!Number.isInteger(attendances) || attendances < 0) throw new ConfigError('--attendances must be a whole number');
  const days = values.days === undefined ? undefined : Number(values.days);
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 3650)) throw new ConfigError('--days must be a whole number from 1 to 3650');

  const config = loadConfig(process.env);
  const dataSource = await openDatabase(config, ENTITIES);
  const tenancy = new TenantContext();
  try {
    const applied = await runMigrations(dataSource);
    say(applied.length ? `applied ${applied.map((migration) => migration.name).join(', ')}` : 'schema is up to date');
    if (command === 'seed') await tenancy.runAsSystem('cli: seed', () => seedCommand(new SeedRepository(dataSource), config, attendances, values.tenant, days));
    if (command === 'rollups:rebuild') {
      const rebuild = new RollupRebuildService(new RollupsRepository(dataSource, new TenantTables(dataSource, tenancy), tenancy), new Transactions(dataSource));
      const tenants = await tenancy.runAsSystem('cli: list tenants', () => new TenantsRepository(dataSource, tenancy).everyOrBySlug(values.tenant));
      for (const tenant of tenants) say(`rebuilt ${tenant.slug}: ${await tenancy.runInTenant(tenant.id, () => rebuild.rebuild())} attendances`);
    }
  } finally {
    await dataSource.destroy();
  }
}

/** The seed fills every tenant: it runs in the system scope. */
async function seedCommand(
  database: SeedRepository,
  config: AppConfig,
  attendances: number,
  tenantSlug: string | undefined,
  days: number | undefined,
): Promise<void> {
  const seeder = new Seeder(database, config, say);
  await seeder.ensureSystemTenant();
  await seeder.seedDemoIfEmpty();
  if (attendances > 0) {
    const started = Date.now();
    const tenant = tenantSlug ?? 'demo';
    await seeder.addAttendances(tenant, attendances, days);
    say(`added ${attendances} attendances to ${tenant} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

/** Backup and restore work on the database files/server directly: no data source, no migrations first. */
async function backupCommand(command: 'backup' | 'restore', file: string | undefined, force: boolean): Promise<void> {
  const config = loadConfig(process.env);
  const backups = new BackupService(config);
  if (command === 'backup') {
    const now = new Date();
    const result = await backups.backup(now);
    say(`wrote ${result.path} (${(result.bytes / 1024 / 1024).toFixed(1)} MB, ${result.method})`);
    for (const name of backups.prune(now)) say(`pruned ${name} (older than ${config.backupRetentionHours} h)`);
    return;
  }
  if (!file) throw new ConfigError('usage: fasto-cli restore <file> [--force]');
  try {
    await backups.restore(resolve(file), { force });
  } catch (error) {
    if (error instanceof RestoreRefusedError) throw new ConfigError(error.message);
    throw error;
  }
  say(`restored ${file}; start the API to apply any newer migrations`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`fasto: ${error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
