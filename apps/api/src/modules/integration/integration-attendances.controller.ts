import type { IntegrationAttendancePage } from '@fasto/contracts';
import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IntegrationRoute } from '../../core/decorators/integration-route.decorator';
import { AttendanceSyncService } from './attendance-sync.service';
import { AttendanceSyncQueryDto } from './dto/attendance-sync-query.dto';
import { ApiIntegrationAttendances } from './integration-attendances.openapi';
import { IntegrationRateLimitGuard } from './integration-rate-limit.guard';

/** Reading back with the API key, for a workflow that copies Fasto's attendances elsewhere; same key and limits as integration.controller.ts. */
@ApiTags('integration')
@Controller('integration')
@IntegrationRoute()
@UseGuards(IntegrationRateLimitGuard)
export class IntegrationAttendancesController {
  constructor(private readonly sync: AttendanceSyncService) {}

  @Get('attendances')
  @ApiOperation({ summary: 'Attendances changed since an instant, oldest change first, deleted ones included; keyset pages' })
  @ApiIntegrationAttendances()
  list(@Query() query: AttendanceSyncQueryDto): Promise<IntegrationAttendancePage> {
    return this.sync.page(query);
  }
}
