import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { ConfigError } from './core/config/config-error';
import { loadConfig } from './core/config/load-config';
import { buildDataSourceOptions } from './core/database/data-source-options';
import { runMigrations } from './core/database/run-migrations';
import { RollupRebuildService } from './modules/attendances/rollups/rollup-rebuild.service';
import { RollupWriter } from './modules/attendances/rollups/rollup-writer.service';
import { Tenant } from './modules/tenants/entities/tenant.entity';
import { Seeder } from './seed/seeder';

const USAGE = `usage: fasto-cli <command>
  migrate                                   apply pending migrations
  seed [--attendances N] [--tenant SLUG] [--days D]
                                            seed an empty database; add N attendances over the last D days
                                            (default 120) to a tenant (default demo)
  rollups:rebuild [--tenant SLUG]           recompute the dashboard rollups of one tenant (default: all)`;

const say = (line: string) => process.stdout.write(`fasto: ${line}\n`);

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { attendances: { type: 'string' }, tenant: { type: 'string' }, days: { type: 'string' } },
  });
  const command = positionals[0];
  if (command !== 'migrate' && command !== 'seed' && command !== 'rollups:rebuild') throw new ConfigError(USAGE);
  const attendances = values.attendances === undefined ? 0 : Number(values.attendances);
  if (!Number.isInteger(attendances) || attendances < 0) throw new ConfigError('--attendances must be a whole number');
  const days = values.days === undefined ? undefined : Number(values.days);
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 3650)) throw new ConfigError('--days must be a whole number from 1 to 3650');

  const config = loadConfig(process.env);
  const dataSource = await new DataSource(buildDataSourceOptions(config)).initialize();
  try {
    const applied = await runMigrations(dataSource);
    say(applied.length ? `applied ${applied.map((migration) => migration.name).join(', ')}` : 'schema is up to date');
    if (command === 'seed') {
      const seeder = new Seeder(dataSource, config, say);
      await seeder.ensureSystemTenant();
      await seeder.seedDemoIfEmpty();
      if (attendances > 0) {
        const started = Date.now();
        const tenant = values.tenant ?? 'demo';
        await seeder.addAttendances(tenant, attendances, days);
        say(`added ${attendances} attendances to ${tenant} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
    }
    if (command === 'rollups:rebuild') {
      const rebuild = new RollupRebuildService(dataSource, new RollupWriter(dataSource));
      const tenants = await dataSource.getRepository(Tenant).find(values.tenant ? { where: { slug: values.tenant } } : {});
      for (const tenant of tenants) say(`rebuilt ${tenant.slug}: ${await rebuild.rebuild(tenant.id)} attendances`);
    }
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`fasto: ${error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
