import { randomUUID } from 'node:crypto';
import type { JobRunStatus } from './job-run.entity';
import type { JobRepository } from './job.repository';

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
    private readonly jobs: JobRepository,
    readonly instanceId: string,
  ) {}

  async claim(job: string, slot: string, leaseMs: number, now: Date): Promise<Claim | null> {
    const runId = randomUUID();
    const leaseExpiresAt = new Date(now.getTime() + leaseMs);
    if (await this.jobs.insertRun({ id: runId, job, slot, instanceId: this.instanceId, startedAt: now, leaseExpiresAt })) return { runId, tookOverFrom: null };
    const held = await this.jobs.runOfSlot(job, slot);
    if (!held || held.status !== 'running' || held.leaseExpiresAt.getTime() >= now.getTime()) return null;
    // Only the instance whose UPDATE still sees the expired lease wins the takeover.
    const taken = await this.jobs.takeOver(held, { instanceId: this.instanceId, startedAt: now, leaseExpiresAt }, now);
    return taken ? { runId: held.id, tookOverFrom: held.instanceId } : null;
  }

  /** Keeps a live run's slot; false when the lease was lost (another instance took it over). */
  renew(runId: string, leaseMs: number, now = new Date()): Promise<boolean> {
    return this.jobs.renewLease(runId, this.instanceId, new Date(now.getTime() + leaseMs));
  }

  async finish(runId: string, status: Exclude<JobRunStatus, 'running'>, message: string | null, startedAt: Date, finishedAt: Date): Promise<void> {
    await this.jobs.finishRun(runId, this.instanceId, {
      status,
      message: message?.slice(0, 1000) ?? null,
      finishedAt,
      durationMs: Math.max(0, finishedAt.getTime() - startedAt.getTime()),
    });
  }
}
