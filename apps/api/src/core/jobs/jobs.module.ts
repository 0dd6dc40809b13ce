import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { DataSource } from 'typeorm';
import { JobMarkers } from './job-markers';
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
    { provide: JobRunner, inject: [getDataSourceToken()], useFactory: (dataSource: DataSource) => new JobRunner(dataSource, instanceId()) },
  ],
  exports: [JobRegistry, JobRunner, JobMarkers],
})
export class JobsModule {}
