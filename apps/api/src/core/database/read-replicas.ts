import { Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DataSource, type BeforeQueryEvent, type DataSourceOptions, type EntitySubscriberInterface } from 'typeorm';
import { replicationLag } from './replication-lag';

/** How often each replica's lag is measured, and how long a measurement may take before the replica counts as frozen. */
export const REPLICA_CHECK_INTERVAL_MS = 2000;
const CHECK_TIMEOUT_MS = 2000;

/** What readiness shows of one replica (its URL without the user and password). */
export interface ReplicaStatus {
  replica: string;
  /** `in_use`: reads go to it; `skipped`: down, frozen, not replicating or too far behind, so the primary takes its reads. */
  state: 'in_use' | 'skipped';
  lagSeconds: number | null;
  reason: string | null;
}

/** A statement that writes: never sent to a replica, whatever the database user may do there. */
const WRITES = /^\s*(?:INSERT|UPDATE|DELETE|REPLACE|CREATE|ALTER|DROP|TRUNCATE|LOCK|SAVEPOINT)\b/i;

export class WriteOnReplicaError extends Error {
  constructor(sql: string) {
    super(`A write reached a read replica (ReplicaReads.run is for reads only): ${sql.slice(0, 80)}`);
  }
}

/** Refuses writes before they leave for a replica: a service that wrote inside `ReplicaReads.run` fails in its tests, not in production. */
class RefuseWrites implements EntitySubscriberInterface {
  beforeQuery(event: BeforeQueryEvent): void {
    if (WRITES.test(event.query)) throw new WriteOnReplicaError(event.query);
  }
}

/** One replica: its own TypeORM data source (a pool of its own), opened lazily so a replica down at boot does not stop the API. */
export class Replica {
  private dataSource: DataSource | null = null;
  private measuring: Promise<number> | null = null;
  status: ReplicaStatus;

  constructor(
    private readonly options: DataSourceOptions,
    url: string,
  ) {
    this.status = { replica: withoutCredentials(url), state: 'skipped', lagSeconds: null, reason: 'not checked yet' };
  }

  /** Its data source while in use; null while skipped. */
  get readable(): DataSource | null {
    return this.status.state === 'in_use' ? this.dataSource : null;
  }

  /** Measures the lag (one measurement at a time: a frozen replica keeps the first one hanging, and stays skipped). */
  async check(maxLagSeconds: number): Promise<void> {
    this.measuring ??= this.measure().finally(() => (this.measuring = null));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
    });
    try {
      const lag = await Promise.race([this.measuring, timeout]);
      if (lag > maxLagSeconds) this.skip(`${lag} s behind the primary (more than ${maxLagSeconds} s)`, lag);
      else this.status = { ...this.status, state: 'in_use', lagSeconds: lag, reason: null };
    } catch (error) {
      this.skip((error as Error).message || String(error), null);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Stops sending reads here until the next measurement says it is fine again. */
  skip(reason: string, lagSeconds: number | null = this.status.lagSeconds): void {
    this.status = { ...this.status, state: 'skipped', lagSeconds, reason };
  }

  async close(): Promise<void> {
    if (this.dataSource?.isInitialized) await this.dataSource.destroy().catch(() => undefined);
  }

  private async measure(): Promise<number> {
    if (!this.dataSource?.isInitialized) this.dataSource = await this.open();
    return replicationLag(this.dataSource);
  }

  private async open(): Promise<DataSource> {
    const dataSource = new DataSource({ ...this.options, subscribers: [RefuseWrites], migrations: [] } as DataSourceOptions);
    try {
      return await dataSource.initialize();
    } catch (error) {
      // The driver made a pool before its first connection failed: end it, the next check opens another.
      await dataSource.driver.disconnect().catch(() => undefined);
      throw error;
    }
  }
}

/**
 * The read replicas of DATABASE_REPLICA_URLS and their health: each is measured every 2 s (an
 * unref'd timer) and skipped while it is down, frozen, not replicating or more than
 * REPLICA_MAX_LAG_SECONDS behind. `ReplicaReads` asks it for one to read from.
 */
export class ReadReplicas implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('ReadReplicas');
  private timer: NodeJS.Timeout | null = null;
  private next = 0;

  constructor(
    readonly replicas: Replica[],
    private readonly maxLagSeconds: number,
  ) {}

  get configured(): boolean {
    return this.replicas.length > 0;
  }

  /** A replica in use, taken in turn; null when none is (the primary reads). */
  pick(): Replica | null {
    for (let tried = 0; tried < this.replicas.length; tried++) {
      const replica = this.replicas[this.next++ % this.replicas.length];
      if (replica.readable) return replica;
    }
    return null;
  }

  statuses(): ReplicaStatus[] {
    return this.replicas.map((replica) => replica.status);
  }

  /** Measures every replica now (also what the timer does). */
  async checkAll(): Promise<void> {
    await Promise.all(
      this.replicas.map(async (replica) => {
        const before = replica.status.state;
        await replica.check(this.maxLagSeconds);
        const { state, reason } = replica.status;
        if (state !== before) this.logger.warn(`read replica ${replica.status.replica}: ${state}${reason ? ` (${reason})` : ''}`);
      }),
    );
  }

  async onModuleInit(): Promise<void> {
    if (!this.configured) return;
    await this.checkAll();
    this.timer = setInterval(() => void this.checkAll(), REPLICA_CHECK_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await Promise.all(this.replicas.map((replica) => replica.close()));
  }
}

function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 3306}${parsed.pathname}`;
  } catch {
    return 'replica';
  }
}
