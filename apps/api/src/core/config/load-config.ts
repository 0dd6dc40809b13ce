import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { isAbsolute, join, resolve } from 'node:path';
import type { AppConfig } from './app-config';
import { ConfigError } from './config-error';
import { readOrCreateDevSecret } from './dev-secret';
import { Environment } from './environment';
import { unquote } from './unquote';
import { normalizeEmail } from '../validation/email';

type RawEnv = Record<string, string | undefined>;

/** Empty values count as unset, and one pair of surrounding quotes is dropped. */
function normalise(raw: RawEnv): Record<string, string> {
  const normalised: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined && unquote(value) !== '') normalised[name] = unquote(value);
  }
  return normalised;
}

function describe(error: ValidationError, raw: Record<string, string>): string {
  // A missing value is the root cause; report it before any format complaint.
  const constraints = error.constraints ?? {};
  const reason = constraints['isDefined'] ?? Object.values(constraints)[0] ?? 'is invalid';
  const mentionsName = reason.startsWith(error.property);
  const line = mentionsName ? reason : `${error.property} ${reason.replace(/^\S+\s/, '')}`;
  const secret = /SECRET|PASSWORD|URL/.test(error.property);
  const shown = raw[error.property] === undefined || secret ? '' : ` (got "${raw[error.property]}")`;
  return `Invalid environment: ${line}${shown}`;
}

/**
 * Validates the environment and derives the typed config. Throws a `ConfigError` whose message
 * is one line naming the first bad variable, so the process can print it and stop.
 */
export function loadConfig(raw: RawEnv = process.env): AppConfig {
  const picked = normalise(raw);
  const env = plainToInstance(Environment, picked, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: true });
  if (errors.length > 0) throw new ConfigError(describe(errors[0], picked));
  if (env.DATABASE_REPLICA_URLS && !env.DATABASE_URL) {
    throw new ConfigError('Invalid environment: DATABASE_REPLICA_URLS needs DATABASE_URL (replicas copy a MySQL/MariaDB primary; SQLite has none)');
  }

  const isProduction = env.NODE_ENV === 'production';
  const dataDir = isAbsolute(env.DATA_DIR) ? env.DATA_DIR : resolve(process.cwd(), env.DATA_DIR);
  const jwtSecret = env.JWT_SECRET ?? readOrCreateDevSecret(dataDir);
  const port = env.PORT;

  return {
    nodeEnv: env.NODE_ENV,
    isProduction,
    port,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL ?? null,
    databaseTimeouts: { statementMs: env.DATABASE_QUERY_TIMEOUT_MS, connectMs: env.DATABASE_CONNECT_TIMEOUT_MS },
    databaseReplicaUrls: (env.DATABASE_REPLICA_URLS ?? '')
      .split(',')
      .map((url) => url.trim())
      .filter(Boolean),
    replicaMaxLagSeconds: env.REPLICA_MAX_LAG_SECONDS,
    dataDir,
    jwtSecret,
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim().replace(/\/$/, ''))
      .filter(Boolean),
    smtpUrl: env.SMTP_URL ?? null,
    mailFrom: env.MAIL_FROM,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    backupDir: env.BACKUP_DIR ? resolve(process.cwd(), env.BACKUP_DIR) : join(dataDir, 'backups'),
    backupRetentionHours: env.BACKUP_RETENTION_HOURS,
    backupCron: env.BACKUP_CRON,
    jobsEnabled: env.JOBS_ENABLED ?? env.NODE_ENV !== 'test',
    redis: env.REDIS_URL ? { url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX } : null,
    superAdmin: {
      email: normalizeEmail(env.SUPERADMIN_EMAIL),
      password: env.SUPERADMIN_PASSWORD ?? env.DEMO_PASSWORD,
    },
    demoPassword: env.DEMO_PASSWORD,
    seedDemo: env.SEED_DEMO ?? !isProduction,
    logLevel: env.LOG_LEVEL,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    trustProxyHops: env.TRUST_PROXY_HOPS,
    webDistDir: env.WEB_DIST_DIR ? resolve(process.cwd(), env.WEB_DIST_DIR) : null,
    loginThrottle: {
      maxFailuresPerAccount: env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerIp: env.LOGIN_MAX_FAILURES_PER_IP,
      windowMs: env.LOGIN_THROTTLE_WINDOW_SECONDS * 1000,
    },
    integrationRateLimit: { perKeyPerMinute: env.API_KEY_RATE_LIMIT_PER_MINUTE, perTenantPerMinute: env.TENANT_RATE_LIMIT_PER_MINUTE },
    userCreationLimit: { perAdminPerHour: env.USER_CREATE_LIMIT_PER_ADMIN, perTenantPerHour: env.USER_CREATE_LIMIT_PER_TENANT },
    principalCacheMs: env.PRINCIPAL_CACHE_MS,
    notifications: {
      unreadCountCacheMs: env.NOTIFICATION_COUNT_CACHE_MS,
      streamHeartbeatMs: env.NOTIFICATION_STREAM_HEARTBEAT_MS,
      streamSweepMs: env.NOTIFICATION_STREAM_SWEEP_MS,
    },
    webhooks: { allowPrivateTargets: env.WEBHOOK_ALLOW_PRIVATE ?? false, secretKey: env.WEBHOOK_SECRET_KEY ?? jwtSecret },
  };
}
