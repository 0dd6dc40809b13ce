import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { JobMarkers } from './job-markers';
import { JobRepository } from './job.repository';
import { JobRegistry } from './job-registry';
import { JobRunner } from './job-runner';
import { JobScheduler } from './job-scheduler';
import { JobsController } from './jobs.controller';
import { JobsService } from './jobs.service';

/** Names this process in the run history: host (the container id under Docker), pid and a random tag. */
const instanceId = () => `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

/** The scheduled-jobs framework; jobs themselves live in their modules (see `@ScheduledJob`). */
@Global()
@Module({
  imports: [DiscoveryModule, ScheduleModule.forRoot()],
  controllers: [JobsController],
  providers: [
    JobRegistry,
    JobScheduler,
    JobsService,
    JobMarkers,
    JobRepository,
    { provide: JobRunner, inject: [JobRepository], useFactory: (jobs: JobRepository) => new JobRunner(jobs, instanceId()) },
  ],
  exports: [JobRegistry, JobRunner, JobMarkers],
})
export class JobsModule {}
