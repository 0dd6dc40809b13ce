import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Writable } from 'node:stream';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap/create-app';
import type { AppConfig } from '../../src/core/config/app-config';
import { loadConfig } from '../../src/core/config/load-config';
import { TenantContext } from '../../src/core/tenancy/tenant-context';
import { SeedRepository } from '../../src/seed/seed.repository';
import { Seeder } from '../../src/seed/seeder';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  dataSource: DataSource;
  database: TestDatabase;
  http: () => ReturnType<typeof request>;
  /** Every JSON log line the app wrote so far. */
  logs: () => Record<string, unknown>[];
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  /** Seed the system tenant, Demo and Acme (users, teams, funnels, origins; no attendances unless asked). */
  seed?: boolean | { attendances: boolean };
  /** The run's engine unless named (only a MySQL run can name 'mysql'). */
  engine?: 'sqlite' | 'mysql';
}

/** A 48-character secret: tests never rely on the generated development secret. */
export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-test-secret';

export function testConfig(database: TestDatabase, env: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: database.dataDir,
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'info',
    ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}),
    ...env,
  });
}

/** Boots the real application (same pipeline as production) on a fresh database. */
export async function startTestApp(options: TestAppOptions | Record<string, string> = {}): Promise<TestApp> {
  const {
    env = {},
    seed = false,
    engine,
  } = 'env' in options || 'seed' in options || 'engine' in options ? (options as TestAppOptions) : { env: options as Record<string, string> };
  const database = await createTestDatabase(engine);
  const config = testConfig(database, env);
  const lines: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      callback();
    },
  });
  const app = await createApp(config, { logStream });
  const dataSource = app.get(DataSource);
  if (seed) {
    const seeder = new Seeder(new SeedRepository(dataSource), config);
    await new TenantContext().runAsSystem('test: seed every tenant', async () => {
      await seeder.ensureSystemTenant();
      await seeder.seedDemoIfEmpty({ withAttendances: typeof seed === 'object' && seed.attendances });
    });
  }
  return {
    app,
    config,
    dataSource,
    database,
    http: () => request(app.getHttpServer()),
    logs: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
