import { randomUUID } from 'node:crypto';
import { Equal, LessThan, type DataSource } from 'typeorm';
import { isUniqueViolation } from '../database/unique-violation';
import { JobRun, type JobRunStatus } from './job-run.entity';

export interface Claim {
  runId: string;
  /** The instance whose lease had expired, when this claim took a slot over. */
  tookOverFrom: string | null;
}

/**
 * The once-per-slot lock, in the database so that it holds across API instances on both engines:
 * inserting (job, slot) succeeds for exactly one instance (unique index); a slot whose holder
 * stopped renewing its lease can be taken over with one conditional UPDATE.
 */
export class JobLeases {
  constructor(
    private readonly dataSource: DataSource,
    readonly instanceId: string,
  ) {}

  private get runs() {
    return this.dataSource.getRepository(JobRun);
  }

  async claim(job: string, slot: string, leaseMs: number, now: Date): Promise<Claim | null> {
    const runId = randomUUID();
    const leaseExpiresAt = new Date(now.getTime() + leaseMs);
    try {
      await this.runs.insert({ id: runId, job, slot, instanceId: this.instanceId, status: 'running', startedAt: now, leaseExpiresAt });
      return { runId, tookOverFrom: null };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const held = await this.runs.findOneBy({ job: Equal(job), slot: Equal(slot) });
    if (!held || held.status !== 'running' || held.leaseExpiresAt.getTime() >= now.getTime()) return null;
    // Only the instance whose UPDATE still sees the expired lease wins the takeover.
    const taken = await this.runs.update(
      { id: Equal(held.id), instanceId: Equal(held.instanceId), status: Equal('running'), leaseExpiresAt: LessThan(now) },
      { instanceId: this.instanceId, startedAt: now, leaseExpiresAt },
    );
    return taken.affected === 1 ? { runId: held.id, tookOverFrom: held.instanceId } : null;
  }

  /** Keeps a live run's slot; false when the lease was lost (another instance took it over). */
  async renew(runId: string, leaseMs: number, now = new Date()): Promise<boolean> {
    const result = await this.runs.update(
      { id: Equal(runId), instanceId: Equal(this.instanceId), status: Equal('running') },
      { leaseExpiresAt: new Date(now.getTime() + leaseMs) },
    );
    return result.affected === 1;
  }

  async finish(runId: string, status: Exclude<JobRunStatus, 'running'>, message: string | null, startedAt: Date, finishedAt: Date): Promise<void> {
    await this.runs.update(
      { id: Equal(runId), instanceId: Equal(this.instanceId) },
      { status, message: message?.slice(0, 1000) ?? null, finishedAt, durationMs: Math.max(0, finishedAt.getTime() - startedAt.getTime()) },
    );
  }
}
