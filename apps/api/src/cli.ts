import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { ConfigError } from './core/config/config-error';
import { loadConfig } from './core/config/load-config';
import { buildDataSourceOptions } from './core/database/data-source-options';
import { runMigrations } from './core/database/run-migrations';
import { Seeder } from './seed/seeder';

const USAGE = `usage: fasto-cli <command>
  migrate                                   apply pending migrations
  seed [--attendances N] [--tenant SLUG]    seed an empty database; add N attendances to a tenant (default demo)`;

const say = (line: string) => process.stdout.write(`fasto: ${line}\n`);

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { attendances: { type: 'string' }, tenant: { type: 'string', default: 'demo' } },
  });
  const command = positionals[0];
  if (command !== 'migrate' && command !== 'seed') throw new ConfigError(USAGE);
  const attendances = values.attendances === undefined ? 0 : Number(values.attendances);
  if (!Number.isInteger(attendances) || attendances < 0) throw new ConfigError('--attendances must be a whole number');

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
        await seeder.addAttendances(values.tenant, attendances);
        say(`added ${attendances} attendances to ${values.tenant} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
    }
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`fasto: ${error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
