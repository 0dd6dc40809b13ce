import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from './bootstrap/create-app';
import { printBanner } from './bootstrap/banner';
import type { AppConfig } from './core/config/app-config';
import { ConfigError } from './core/config/config-error';
import { loadConfig } from './core/config/load-config';
import { TenantContext } from './core/tenancy/tenant-context';
import { SeedRepository } from './seed/seed.repository';
import { Seeder } from './seed/seeder';

function configOrExit(): AppConfig {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`fasto: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** Under a lock: two instances booting on an empty database would both create the system tenant. */
async function seed(app: NestFastifyApplication, config: AppConfig): Promise<boolean> {
  const database = SeedRepository.of(app);
  const seeder = new Seeder(database, config, (line) => process.stdout.write(`fasto: ${line}\n`));
  return app.get(TenantContext).runAsSystem('boot: seed', () =>
    database.underLock('fasto_seed', 300, async () => {
      await seeder.ensureSystemTenant();
      return config.seedDemo ? seeder.seedDemoIfEmpty() : false;
    }),
  );
}

async function main(): Promise<void> {
  const startedAt = process.hrtime.bigint();
  const config = configOrExit();
  const app = await createApp(config);
  const seeded = await seed(app, config);
  // Exit 0 after a clean drain (Nest's default re-raises the signal, which reads as a crash to supervisors).
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  await app.listen({ port: config.port, host: config.host });
  const bootMs = Number(process.hrtime.bigint() - startedAt) / 1e6;
  printBanner(config, { bootMs, seeded });
}

main().catch((error: unknown) => {
  process.stderr.write(`fasto: failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
