import type { JobStatus } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import { JobRegistry } from './job-registry';
import { JobRepository } from './job.repository';
import { nextRunAfter } from './job-slot';

/** What the super admin console shows about the scheduled jobs. */
@Injectable()
export class JobsService {
  constructor(
    private readonly jobs: JobRepository,
    private readonly registry: JobRegistry,
  ) {}

  async list(now = new Date()): Promise<JobStatus[]> {
    return Promise.all(
      this.registry.all().map(async (job): Promise<JobStatus> => {
        const last = await this.jobs.lastRun(job.name);
        // A run whose holder stopped renewing its lease will never finish: show it as failed.
        const abandoned = last?.status === 'running' && last.leaseExpiresAt.getTime() < now.getTime();
        return {
          name: job.name,
          description: job.description,
          schedule: job.cron,
          timeZone: 'UTC',
          lastRun: last
            ? {
                startedAt: last.startedAt.toISOString(),
                finishedAt: last.finishedAt?.toISOString() ?? null,
                durationMs: last.durationMs,
                outcome: abandoned ? 'failed' : last.status,
                message: abandoned ? `abandoned: ${last.instanceId} stopped before finishing` : last.message,
                instanceId: last.instanceId,
              }
            : null,
          nextRunAt: nextRunAfter(job.cron, now).toISOString(),
        };
      }),
    );
  }
}
