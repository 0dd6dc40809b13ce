import { Role, type JobStatus, type Page } from '@fasto/contracts';
import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorized } from '../decorators/authorized.decorator';
import { JobsService } from './jobs.service';

@ApiTags('jobs')
@Controller('jobs')
@Authorized(Role.SuperAdmin)
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Get()
  @ApiOperation({ summary: 'Scheduled jobs: schedule (UTC cron), last run and next run' })
  async list(): Promise<Page<JobStatus>> {
    return { items: await this.jobs.list(), nextCursor: null };
  }
}
