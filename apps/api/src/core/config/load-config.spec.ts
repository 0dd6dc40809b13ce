import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './config-error';
import { loadConfig } from './load-config';

const dataDir = () => mkdtempSync(join(tmpdir(), 'fasto-config-'));
const SECRET = 'x'.repeat(40);

function failure(env: Record<string, string>): string {
  try {
    loadConfig({ DATA_DIR: dataDir(), ...env });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be refused');
}

describe('loadConfig', () => {
  it('runs with no configuration at all: SQLite in DATA_DIR, port 3000, a generated dev secret', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config).toMatchObject({ nodeEnv: 'development', port: 3000, databaseUrl: null, dataDir: dir, seedDemo: true });
    expect(config.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(dir, 'jwt-secret'), 'utf8')).toBe(config.jwtSecret);
    // The secret is kept: the next boot reuses it, so sessions survive a restart.
    expect(loadConfig({ DATA_DIR: dir }).jwtSecret).toBe(config.jwtSecret);
  });

  it.each([
    [{ NODE_ENV: 'production', SUPERADMIN_PASSWORD: 'long-enough-pass' }, 'JWT_SECRET is required in production'],
    [{ NODE_ENV: 'production', JWT_SECRET: 'short', SUPERADMIN_PASSWORD: 'long-enough-pass' }, 'JWT_SECRET must be at least 32 characters'],
    [{ NODE_ENV: 'production', JWT_SECRET: SECRET }, 'SUPERADMIN_PASSWORD is required in production'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ DATABASE_URL: 'postgres://localhost/fasto' }, 'DATABASE_URL must look like mysql://'],
    [{ CORS_ORIGINS: 'fasto.app' }, 'CORS_ORIGINS'],
    [{ SMTP_URL: 'mail.example.com' }, 'SMTP_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ BODY_LIMIT_BYTES: '12' }, 'BODY_LIMIT_BYTES'],
    [{ BACKUP_RETENTION_HOURS: '0' }, 'BACKUP_RETENTION_HOURS'],
    [{ BACKUP_RETENTION_HOURS: 'three days' }, 'BACKUP_RETENTION_HOURS'],
    [{ BACKUP_CRON: '0 55 2 * * *' }, 'BACKUP_CRON must be a 5-field cron expression'],
    [{ BACKUP_CRON: '61 2 * * *' }, 'BACKUP_CRON'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
    [{ REDIS_URL: 'redis://localhost:6379', REDIS_KEY_PREFIX: 'fasto {tenant}' }, 'REDIS_KEY_PREFIX'],
    [{ DATABASE_QUERY_TIMEOUT_MS: '-1' }, 'DATABASE_QUERY_TIMEOUT_MS'],
    [{ DATABASE_CONNECT_TIMEOUT_MS: '0' }, 'DATABASE_CONNECT_TIMEOUT_MS'],
    [{ DATABASE_URL: 'mysql://db/fasto', DATABASE_REPLICA_URLS: 'mysql://r1/fasto,postgres://r2/fasto' }, 'DATABASE_REPLICA_URLS must be comma-separated'],
    [{ DATABASE_REPLICA_URLS: 'mysql://r1/fasto' }, 'DATABASE_REPLICA_URLS needs DATABASE_URL'],
    [{ DATABASE_URL: 'mysql://db/fasto', DATABASE_REPLICA_URLS: 'mysql://r1/fasto', REPLICA_MAX_LAG_SECONDS: '0' }, 'REPLICA_MAX_LAG_SECONDS'],
  ])('refuses %j with one line naming the variable', (env, expected) => {
    const message = failure(env);
    expect(message).toContain(expected);
    expect(message.startsWith('Invalid environment: ')).toBe(true);
    expect(message).not.toContain('\n');
  });

  it('never echoes a secret back in the error line', () => {
    expect(failure({ NODE_ENV: 'production', JWT_SECRET: 'hunter2-short', SUPERADMIN_PASSWORD: 'long-enough-pass' })).not.toContain('hunter2');
  });

  it('drops literal surrounding quotes, as Docker .env files keep them', () => {
    const config = loadConfig({
      DATA_DIR: dataDir(),
      PORT: '"8080"',
      JWT_SECRET: `'${SECRET}'`,
      DATABASE_URL: '"mysql://fasto:pw@db:3306/fasto"',
      CORS_ORIGINS: '"https://app.fasto.app, https://admin.fasto.app/"',
    });
    expect(config.port).toBe(8080);
    expect(config.jwtSecret).toBe(SECRET);
    expect(config.databaseUrl).toBe('mysql://fasto:pw@db:3306/fasto');
    expect(config.corsOrigins).toEqual(['https://app.fasto.app', 'https://admin.fasto.app']);
  });

  it('reads the replicas as a list and skips one more than 5 s behind unless told otherwise', () => {
    const replicas = 'mysql://reader:pw@r1:3306/fasto, mariadb://reader:pw@r2:3306/fasto?ssl=true';
    const config = loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: 'mysql://fasto:pw@db:3306/fasto', DATABASE_REPLICA_URLS: replicas });
    expect(config.databaseReplicaUrls).toEqual(['mysql://reader:pw@r1:3306/fasto', 'mariadb://reader:pw@r2:3306/fasto?ssl=true']);
    expect(config.replicaMaxLagSeconds).toBe(5);
    expect(loadConfig({ DATA_DIR: dataDir() }).databaseReplicaUrls).toEqual([]);
  });

  it('treats empty values as unset and derives the public URL from the port', () => {
    const config = loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: '', PORT: '4100', SEED_DEMO: 'false' });
    expect(config.databaseUrl).toBeNull();
    expect(config.publicUrl).toBe('http://localhost:4100');
    expect(config.seedDemo).toBe(false);
  });

  it('schedules jobs outside tests by default, backs up daily at 02:55 UTC and keeps 72 hours', () => {
    const dir = dataDir();
    expect(loadConfig({ DATA_DIR: dir })).toMatchObject({
      jobsEnabled: true,
      backupCron: '55 2 * * *',
      backupRetentionHours: 72,
      backupDir: join(dir, 'backups'),
    });
    expect(loadConfig({ DATA_DIR: dir, NODE_ENV: 'test' }).jobsEnabled).toBe(false);
    expect(loadConfig({ DATA_DIR: dir, NODE_ENV: 'test', JOBS_ENABLED: 'true', BACKUP_CRON: '"30 1 * * 1-5"', BACKUP_RETENTION_HOURS: '96' })).toMatchObject({
      jobsEnabled: true,
      backupCron: '30 1 * * 1-5',
      backupRetentionHours: 96,
    });
    expect(loadConfig({ DATA_DIR: dir, JOBS_ENABLED: 'false' }).jobsEnabled).toBe(false);
  });

  it("bounds a request's database statements at 3 s and its connection waits at 2 s unless told otherwise", () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).databaseTimeouts).toEqual({ statementMs: 3000, connectMs: 2000 });
    expect(loadConfig({ DATA_DIR: dataDir(), DATABASE_QUERY_TIMEOUT_MS: '0', DATABASE_CONNECT_TIMEOUT_MS: '5000' }).databaseTimeouts).toEqual({
      statementMs: 0,
      connectMs: 5000,
    });
  });

  it('does not seed demo data in production unless asked', () => {
    const config = loadConfig({ DATA_DIR: dataDir(), NODE_ENV: 'production', JWT_SECRET: SECRET, SUPERADMIN_PASSWORD: 'a-real-password' });
    expect(config).toMatchObject({ isProduction: true, seedDemo: false, superAdmin: { password: 'a-real-password' } });
  });

  it('uses Redis only when REDIS_URL is set, with the key prefix fasto: unless named', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).redis).toBeNull();
    expect(loadConfig({ DATA_DIR: dataDir(), REDIS_URL: 'redis://cache:6379/2' }).redis).toEqual({ url: 'redis://cache:6379/2', keyPrefix: 'fasto:' });
    expect(loadConfig({ DATA_DIR: dataDir(), REDIS_URL: 'rediss://cache:6380', REDIS_KEY_PREFIX: 'eu-1:' }).redis).toEqual({ url: 'rediss://cache:6380', keyPrefix: 'eu-1:' });
  });
});
