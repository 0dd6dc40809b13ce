import { Transform } from 'class-transformer';
import { CronExpression } from '../validation/cron-expression';
import { IsDefined, IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value);

const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * The raw environment as the API accepts it. Each property is named exactly like its variable
 * so a validation failure names the variable the operator has to fix.
 */
export class Environment {
  @IsIn(NODE_ENVS)
  NODE_ENV: NodeEnv = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @IsOptional()
  @Matches(/^(mysql|mariadb):\/\/[^/\s]+\/[A-Za-z0-9_$-]+(\?.*)?$/, {
    message: 'DATABASE_URL must look like mysql://user:password@host:3306/database',
  })
  DATABASE_URL?: string;

  /** Read replicas of DATABASE_URL, comma-separated; dashboards, lists and exports read from them (docs/architecture.md). */
  @IsOptional()
  @Matches(/^(mysql|mariadb):\/\/[^/\s,]+\/[A-Za-z0-9_$-]+(\?[^\s,]*)?(\s*,\s*(mysql|mariadb):\/\/[^/\s,]+\/[A-Za-z0-9_$-]+(\?[^\s,]*)?)*$/, {
    message: 'DATABASE_REPLICA_URLS must be comma-separated URLs like mysql://user:password@replica:3306/database',
  })
  DATABASE_REPLICA_URLS?: string;

  /** A replica further behind its primary than this is skipped until it catches up. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  REPLICA_MAX_LAG_SECONDS = 5;

  @IsString()
  DATA_DIR = './data';

  /**
   * Longest a request's statement may take on MySQL/MariaDB before it is abandoned and the request
   * answers 503 (a frozen or overloaded server); 0 lifts the bound. Jobs, migrations and backups are not bound.
   * 3 s leaves a request that was busy when the server froze (a sign-in hashing its password: up to 1.3 s on a loaded
   * machine, apps/api/test/resilience/database-outage.resilience-spec.ts) room to answer within 5 s.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(600_000)
  DATABASE_QUERY_TIMEOUT_MS = 3000;

  /** Longest a request waits for a pooled MySQL/MariaDB connection, opening a new one included. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60_000)
  DATABASE_CONNECT_TIMEOUT_MS = 2000;

  @ValidateIf((env: Environment) => env.NODE_ENV === 'production' || env.JWT_SECRET !== undefined)
  @IsDefined({ message: 'JWT_SECRET is required in production' })
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters long' })
  JWT_SECRET?: string;

  @IsOptional()
  @Matches(/^\s*(https?:\/\/[^,\s]+)(\s*,\s*https?:\/\/[^,\s]+)*\s*$/, {
    message: 'CORS_ORIGINS must be a comma-separated list of http(s) origins',
  })
  CORS_ORIGINS?: string;

  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must start with smtp:// or smtps://' })
  SMTP_URL?: string;

  @IsEmail({ allow_display_name: true }, { message: 'MAIL_FROM must be an email address, optionally with a display name' })
  MAIL_FROM = 'Fasto <no-reply@fasto.app>';

  @IsOptional()
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'PUBLIC_URL must be an http(s) URL' })
  PUBLIC_URL?: string;

  @IsOptional()
  @IsString()
  BACKUP_DIR?: string;

  /** Backups younger than this are kept; older ones are pruned (never the last one). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 366)
  BACKUP_RETENTION_HOURS = 72;

  /** When the daily backup runs, as a 5-field cron expression in UTC. */
  @CronExpression()
  BACKUP_CRON = '55 2 * * *';

  /** Optional Redis shared by the instances: rate limits, live notification fan-out, cache invalidation (docs/architecture.md "Redis"). */
  @IsOptional()
  @Matches(/^rediss?:\/\/[^\s]+$/, { message: 'REDIS_URL must look like redis://host:6379' })
  REDIS_URL?: string;

  /** Prefix of every Redis key and channel, so several deployments (or test runs) can share one Redis. */
  @Matches(/^[\w:.-]{0,64}$/, { message: 'REDIS_KEY_PREFIX may hold letters, digits, _ : . - (at most 64)' })
  REDIS_KEY_PREFIX = 'fasto:';

  /** Let outbound webhooks reach private, loopback and link-local addresses (tests, closed networks); off by default (SSRF). */
  @IsOptional()
  @Transform(toBool)
  WEBHOOK_ALLOW_PRIVATE?: boolean;

  /** Key that encrypts webhook signing secrets at rest (32+ characters); derived from JWT_SECRET when unset. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'WEBHOOK_SECRET_KEY must be at least 32 characters long' })
  WEBHOOK_SECRET_KEY?: string;

  /** Run the scheduled jobs in this process (default: on, except under NODE_ENV=test). */
  @IsOptional()
  @Transform(toBool)
  JOBS_ENABLED?: boolean;

  @IsEmail({}, { message: 'SUPERADMIN_EMAIL must be an email address' })
  SUPERADMIN_EMAIL = 'superadmin@fasto.app';

  @ValidateIf((env: Environment) => env.NODE_ENV === 'production' || env.SUPERADMIN_PASSWORD !== undefined)
  @IsDefined({ message: 'SUPERADMIN_PASSWORD is required in production' })
  @IsString()
  @MinLength(10, { message: 'SUPERADMIN_PASSWORD must be at least 10 characters long' })
  SUPERADMIN_PASSWORD?: string;

  @IsString()
  @MinLength(10, { message: 'DEMO_PASSWORD must be at least 10 characters long' })
  DEMO_PASSWORD = 'Fasto@2026!demo';

  /** Seed the Demo and Acme tenants into an empty database (default: on outside production). */
  @IsOptional()
  @Transform(toBool)
  SEED_DEMO?: boolean;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  /** Number of proxy hops whose X-Forwarded-For is believed; 0 ignores the header. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10)
  TRUST_PROXY_HOPS = 0;

  @IsOptional()
  @IsString()
  WEB_DIST_DIR?: string;

  /** Failed logins per account, then per client IP, allowed in one throttling window. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_ACCOUNT = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_IP = 20;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86400)
  LOGIN_THROTTLE_WINDOW_SECONDS = 900;

  /** Integration requests per minute allowed to one API key, and to all keys of one tenant. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  API_KEY_RATE_LIMIT_PER_MINUTE = 600;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  TENANT_RATE_LIMIT_PER_MINUTE = 3000;

  /** Members one admin, and all admins of one tenant, may try to create per hour (refusals count too). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  USER_CREATE_LIMIT_PER_ADMIN = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  USER_CREATE_LIMIT_PER_TENANT = 100;

  /** How long a token's user and tenant state may be reused; writes through this instance clear it at once. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10000)
  PRINCIPAL_CACHE_MS = 5000;

  /** How long an unread count may be served from memory; below the web app's 10 s poll so no instance hides news longer. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10000)
  NOTIFICATION_COUNT_CACHE_MS = 5000;

  /** Comment lines that keep idle notification streams open through proxies. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(120000)
  NOTIFICATION_STREAM_HEARTBEAT_MS = 25000;

  /** How often open streams look for news written by other instances and for revoked sessions. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60000)
  NOTIFICATION_STREAM_SWEEP_MS = 3000;
}
