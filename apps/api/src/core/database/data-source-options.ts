import BetterSqlite3 from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { AfterCommitSubscriber } from './after-commit';
import { boundedMysqlDriver } from './bounded-statements';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { StructuredTypeOrmLogger } from './typeorm-logger';

export type DatabaseEngine = 'mysql' | 'sqlite';

export function databaseEngine(config: Pick<AppConfig, 'databaseUrl'>): DatabaseEngine {
  return config.databaseUrl ? 'mysql' : 'sqlite';
}

export function sqliteFile(config: Pick<AppConfig, 'dataDir'>): string {
  return join(config.dataDir, 'fasto.sqlite');
}

/** The entity classes of the app (apps/api/src/entities.ts): core is handed them, it does not know the modules. */
export type EntityList = NonNullable<DataSourceOptions['entities']>;

/**
 * mysql2 with its connection waits and statements bound (bounded-statements.ts): a frozen server
 * makes requests answer 503 within DATABASE_QUERY_TIMEOUT_MS instead of hanging until it resumes.
 * SQLite runs in process and needs none.
 */
export function queryTimeoutOptions(config: Pick<AppConfig, 'databaseTimeouts'>): { driver: unknown; connectTimeout: number } {
  return { driver: boundedMysqlDriver(require('mysql2'), config.databaseTimeouts), connectTimeout: config.databaseTimeouts.connectMs };
}

/**
 * MySQL/MariaDB when DATABASE_URL is set, otherwise the embedded SQLite file in DATA_DIR.
 * The drivers are passed in explicitly (TypeORM would `require` them by name at run time),
 * so the bundler and the generated package.json know the API needs them.
 */
export function buildDataSourceOptions(config: Pick<AppConfig, 'databaseUrl' | 'dataDir' | 'databaseTimeouts'>, entities: EntityList): DataSourceOptions {
  const common = {
    entities,
    subscribers: [AfterCommitSubscriber],
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    logger: new StructuredTypeOrmLogger(),
    maxQueryExecutionTime: 1000,
  };

  if (config.databaseUrl) {
    return {
      ...common,
      type: 'mysql',
      ...queryTimeoutOptions(config),
      url: config.databaseUrl,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      supportBigNumbers: true,
      // Only for `inOneRoundTrip` (transactions.ts), which sends a write's statements together
      // through TypeORM: an ingest's INSERT and rollup upserts hold the hottest rows until COMMIT
      // (measured in tools/bench/PERFORMANCE.md). Every value is bound; no SQL is built from input.
      multipleStatements: true,
      // trace: false: mysql2 would otherwise capture a stack trace before every query (a twentieth of
      // an ingest's CPU) to decorate the rare error; ours are logged with their own stack.
      extra: { connectionLimit: 20, enableKeepAlive: true, trace: false },
    };
  }

  mkdirSync(config.dataDir, { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    driver: BetterSqlite3,
    database: sqliteFile(config),
    // WAL lets readers proceed while a write is in progress; busy_timeout rides out short locks.
    enableWAL: true,
    prepareDatabase: (db: BetterSqlite3.Database) => {
      db.pragma('busy_timeout = 5000');
      db.pragma('synchronous = NORMAL');
    },
  };
}
