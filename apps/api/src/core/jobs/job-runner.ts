import { Logger } from '@nestjs/common';
import { withoutStatementBound } from '../database/bounded-statements';
import { TenantContext } from '../tenancy/tenant-context';
import { JobLeases } from './job-leases';
import type { JobRepository } from './job.repository';
import type { JobContext, JobHandler } from './scheduled-job.decorator';

export interface RunnableJob {
  name: string;
  handler: JobHandler;
  leaseMinutes?: number;
}

export type RunOutcome = { outcome: 'ok' | 'failed'; message: string | null; runId: string } | { outcome: 'skipped' };

const DEFAULT_LEASE_MINUTES = 10;

/**
 * Runs one slot of a job if this instance wins its lock, renews the lease while the handler
 * works, and records and logs the outcome. Each API instance has one runner with its own id.
 */
export class JobRunner {
  private readonly logger = new Logger('Jobs');
  readonly leases: JobLeases;
  private readonly tenancy = new TenantContext();

  constructor(
    jobs: JobRepository,
    readonly instanceId: string,
    /** Injected so tests can use a fixed clock. */
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.leases = new JobLeases(jobs, instanceId);
  }

  async run(job: RunnableJob, slot: string): Promise<RunOutcome> {
    const leaseMs = (job.leaseMinutes ?? DEFAULT_LEASE_MINUTES) * 60_000;
    const startedAt = this.clock();
    const claim = await this.leases.claim(job.name, slot, leaseMs, startedAt);
    if (!claim) {
      this.logger.debug({ job: job.name, slot, instanceId: this.instanceId }, 'Job slot taken by another instance');
      return { outcome: 'skipped' };
    }
    const fields = { job: job.name, slot, runId: claim.runId, instanceId: this.instanceId };
    this.logger.log({ ...fields, tookOverFrom: claim.tookOverFrom ?? undefined }, 'Job started');
    const heartbeat = setInterval(() => {
      this.leases.renew(claim.runId, leaseMs).catch((error: unknown) => this.logger.warn({ ...fields, err: error }, 'Job lease renewal failed'));
    }, leaseMs / 3);
    heartbeat.unref();

    let outcome: 'ok' | 'failed' = 'ok';
    let message: string | null = null;
    try {
      const context: JobContext = { now: startedAt, slot };
      // A job sweeps every tenant: it runs in the system scope and enters a tenant explicitly (runInTenant) for per-tenant work.
      // Nobody waits on it and its lease covers a stuck run, so its statements are not bound like a request's (bounded-statements.ts).
      message = (await this.tenancy.runAsSystem(`job: ${job.name}`, () => withoutStatementBound(() => job.handler.run(context)))) ?? null;
    } catch (error) {
      outcome = 'failed';
      message = error instanceof Error ? error.message : String(error);
      this.logger.error({ ...fields, err: error }, 'Job failed');
    } finally {
      clearInterval(heartbeat);
    }
    const finishedAt = this.clock();
    const durationMs = finishedAt.getTime() - startedAt.getTime();
    await this.leases.finish(claim.runId, outcome, message, startedAt, finishedAt);
    this.logger.log({ ...fields, outcome, durationMs, message }, 'Job finished');
    return { outcome, message, runId: claim.runId };
  }
}
