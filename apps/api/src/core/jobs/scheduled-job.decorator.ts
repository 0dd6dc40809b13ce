import { DiscoveryService } from '@nestjs/core';
import type { AppConfig } from '../config/app-config';

export interface ScheduledJobOptions {
  /** Unique, stable name: it keys the run history and the once-per-slot lock. */
  name: string;
  /** 5-field cron expression in UTC, or a function of the config (for operator-set schedules). */
  cron: string | ((config: AppConfig) => string);
  description: string;
  /** How long a run may go silent before another instance may take its slot over (default 10 min). */
  leaseMinutes?: number;
}

export interface JobContext {
  /** The instant the run started (tests pass a fixed clock). */
  now: Date;
  slot: string;
}

/** A scheduled job: `run` returns a one-line summary stored with the run, or throws to fail it. */
export interface JobHandler {
  run(context: JobContext): Promise<string | void>;
}

/**
 * Marks a provider as a scheduled job. To add a job from any module (no change to the scheduler):
 *
 *   @Injectable()
 *   @ScheduledJob({ name: 'notifications.retention', cron: '20 3 * * *', description: 'Delete read notifications older than 90 days' })
 *   export class NotificationRetentionJob implements JobHandler {
 *     async run({ now }: JobContext) { … return `deleted ${n}`; }
 *   }
 *
 * and list the class in that module's `providers`. The JobsModule discovers it at boot, runs it
 * once per scheduled minute across all API instances, records each run and lists it at GET /api/jobs.
 */
export const ScheduledJob = DiscoveryService.createDecorator<ScheduledJobOptions>();
