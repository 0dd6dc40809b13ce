import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/config.module';
import { isFiveFieldCron } from '../validation/cron-expression';
import { ScheduledJob, type JobHandler } from './scheduled-job.decorator';

export interface RegisteredJob {
  name: string;
  cron: string;
  description: string;
  leaseMinutes?: number;
  handler: JobHandler;
}

/** Every provider marked `@ScheduledJob`, found at boot; a bad or duplicate definition stops the boot. */
@Injectable()
export class JobRegistry implements OnModuleInit {
  private readonly jobs = new Map<string, RegisteredJob>();

  constructor(
    private readonly discovery: DiscoveryService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders({ metadataKey: ScheduledJob.KEY })) {
      const options = this.discovery.getMetadataByDecorator(ScheduledJob, wrapper);
      const handler = wrapper.instance as JobHandler | undefined;
      if (!options || !handler || typeof handler.run !== 'function') throw new Error(`@ScheduledJob ${wrapper.name} must be a singleton provider with run()`);
      const cron = typeof options.cron === 'function' ? options.cron(this.config) : options.cron;
      if (!isFiveFieldCron(cron)) throw new Error(`Job ${options.name}: "${cron}" is not a 5-field cron expression`);
      if (this.jobs.has(options.name)) throw new Error(`Two scheduled jobs are named ${options.name}`);
      this.jobs.set(options.name, { name: options.name, cron, description: options.description, leaseMinutes: options.leaseMinutes, handler });
    }
  }

  all(): RegisteredJob[] {
    return [...this.jobs.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  get(name: string): RegisteredJob | undefined {
    return this.jobs.get(name);
  }
}
