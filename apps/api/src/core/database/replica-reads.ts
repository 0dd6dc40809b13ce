import type { AfterQueryEvent, DataSource, EntitySubscriberInterface } from 'typeorm';
import { BoundedCache } from '../cache/bounded-cache';
import { isDatabaseUnavailable } from '../errors/database-unavailable';
import { currentScope } from '../tenancy/tenant-scope';
import { REPLICA_CHECK_INTERVAL_MS, ReadReplicas, type Replica } from './read-replicas';
import { currentReplica, currentTransaction, onReplica } from './transactions';

const WRITES = /^\s*(?:INSERT|UPDATE|DELETE|REPLACE)\b/i;

/** Who is calling, when a request is: a user or an API key of a tenant. Jobs and the CLI have neither. */
function caller(): string | null {
  const scope = currentScope();
  if (scope?.kind !== 'tenant') return null;
  if (scope.userId) return `${scope.tenantId}:user:${scope.userId}`;
  return scope.apiKeyId ? `${scope.tenantId}:key:${scope.apiKeyId}` : null;
}

/**
 * Remembers which callers wrote to the primary lately (every INSERT/UPDATE/DELETE TypeORM sends
 * there, seen as the table-write watcher sees them), for as long as a replica in use may lag.
 */
class RecentWriters implements EntitySubscriberInterface {
  readonly callers: BoundedCache<true>;

  constructor(pinMs: number) {
    this.callers = new BoundedCache<true>({ name: 'callers who wrote within the replica lag bound', maxEntries: 50_000, ttlMs: pinMs });
  }

  afterQuery(event: AfterQueryEvent): void {
    if (!event.success || !WRITES.test(event.query)) return;
    const who = caller();
    if (who) this.callers.set(who, true);
  }
}

/**
 * Where the read-heavy services (dashboard, attendance list, export) read: `run(work)` runs the
 * repository calls of `work` on a read replica in use, and on the primary when
 * - no replica is configured (SQLite, or DATABASE_REPLICA_URLS unset) or none is in use,
 * - a transaction is running (it must see its own writes; `activeManager` prefers it anyway),
 * - no request's caller is in scope (jobs, the CLI, migrations: the primary only),
 * - the caller wrote within the lag a replica in use may have (its own writes must show),
 * - the replica fails to answer (the reads are run again on the primary, and it is skipped).
 * `work` must only read: a replica's data source refuses writes (read-replicas.ts).
 * Built by DatabaseModule.
 */
export class ReplicaReads {
  private readonly writers: RecentWriters | null = null;

  constructor(
    private readonly replicas: ReadReplicas,
    primary: DataSource,
    maxLagSeconds: number,
  ) {
    if (!replicas.configured) return;
    // A replica in use was at most maxLag behind when last measured, and may have slipped for one interval since.
    this.writers = new RecentWriters((maxLagSeconds + 1) * 1000 + REPLICA_CHECK_INTERVAL_MS);
    primary.subscribers.push(this.writers);
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const replica = this.replicaFor();
    if (!replica) return work();
    const dataSource = replica.readable;
    if (!dataSource) return work();
    try {
      return await onReplica(dataSource.manager, work);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      replica.skip(`a read failed: ${(error as Error).message}`);
      return work();
    }
  }

  private replicaFor(): Replica | null {
    if (!this.writers || currentTransaction() || currentReplica()) return null;
    const who = caller();
    if (!who || this.writers.callers.get(who)) return null;
    return this.replicas.pick();
  }
}
