import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import type { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/config.module';
import { JobRegistry, type RegisteredJob } from './job-registry';
import { JobRunner } from './job-runner';
import { slotOf } from './job-slot';

/**
 * Starts one UTC cron timer per registered job in every instance (when JOBS_ENABLED); each tick
 * asks the runner to claim that minute's slot, so only one instance actually runs it.
 */
@Injectable()
export class JobScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  /** A job still running here is not started again by its next tick. */
  private readonly running = new Set<string>();

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly registry: JobRegistry,
    private readonly runner: JobRunner,
    private readonly schedulers: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.jobsEnabled) return;
    for (const job of this.registry.all()) {
      const timer = CronJob.from({ cronTime: job.cron, timeZone: 'UTC', onTick: () => this.tick(job), start: false });
      this.schedulers.addCronJob(`job:${job.name}`, timer);
      timer.start();
    }
    this.logger.log({ jobs: this.registry.all().map((job) => `${job.name} (${job.cron})`), instanceId: this.runner.instanceId }, 'Job timers started');
  }

  onApplicationShutdown(): void {
    for (const name of this.schedulers.getCronJobs().keys()) {
      if (!name.startsWith('job:')) continue;
      void this.schedulers.getCronJob(name).stop();
      this.schedulers.deleteCronJob(name);
    }
  }

  private async tick(job: RegisteredJob): Promise<void> {
    if (this.running.has(job.name)) return;
    this.running.add(job.name);
    try {
      await this.runner.run(job, slotOf(new Date()));
    } catch (error) {
      // The database was unreachable, or the run could not be recorded: the next tick tries again.
      this.logger.error({ job: job.name, err: error }, 'Job could not be run');
    } finally {
      this.running.delete(job.name);
    }
  }
}
