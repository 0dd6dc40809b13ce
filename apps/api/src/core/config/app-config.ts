import type { NodeEnv } from './environment';

/** The validated, typed configuration every module reads (never `process.env`). */
export interface AppConfig {
  nodeEnv: NodeEnv;
  isProduction: boolean;
  port: number;
  host: string;
  /** `null` selects the embedded SQLite file `<dataDir>/fasto.sqlite`. */
  databaseUrl: string | null;
  /** MySQL/MariaDB only: a statement's and a connection wait's bound in ms (statement 0 = none); data-source-options.ts. */
  databaseTimeouts: { statementMs: number; connectMs: number };
  /** Read replicas of `databaseUrl` (empty: every read goes to it); see docs/architecture.md. */
  databaseReplicaUrls: string[];
  /** A replica further behind than this is skipped (the primary takes its reads). */
  replicaMaxLagSeconds: number;
  dataDir: string;
  jwtSecret: string;
  corsOrigins: string[];
  smtpUrl: string | null;
  mailFrom: string;
  publicUrl: string;
  backupDir: string;
  backupRetentionHours: number;
  /** 5-field cron expression, evaluated in UTC. */
  backupCron: string;
  jobsEnabled: boolean;
  /** Redis shared by the instances (limits, fan-out, invalidation); `null` keeps everything in the database and this process. */
  redis: { url: string; keyPrefix: string } | null;
  superAdmin: { email: string; password: string };
  demoPassword: string;
  seedDemo: boolean;
  logLevel: string;
  bodyLimitBytes: number;
  trustProxyHops: number;
  /** Folder holding the built Angular app, or `null` when the API runs alone. */
  webDistDir: string | null;
  loginThrottle: { maxFailuresPerAccount: number; maxFailuresPerIp: number; windowMs: number };
  integrationRateLimit: { perKeyPerMinute: number; perTenantPerMinute: number };
  userCreationLimit: { perAdminPerHour: number; perTenantPerHour: number };
  principalCacheMs: number;
  notifications: { unreadCountCacheMs: number; streamHeartbeatMs: number; streamSweepMs: number };
  /** Outbound webhooks: SSRF escape hatch, and the key their signing secrets are encrypted with. */
  webhooks: { allowPrivateTargets: boolean; secretKey: string };
}

/** Injection token of the `AppConfig` value. */
export const APP_CONFIG = Symbol('APP_CONFIG');
