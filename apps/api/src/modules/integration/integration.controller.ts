import type { BatchIngestItemResult, FunnelView, IngestResult, IntegrationUser, OriginGroupView } from '@fasto/contracts';
import { Body, Controller, Get, HttpCode, HttpStatus, Post, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { IntegrationRoute } from '../../core/decorators/integration-route.decorator';
import { JsonBody } from '../../core/validation/json-body';
import { BatchIngestService } from './batch-ingest.service';
import { checkBatchEnvelope, type BatchIngestDto } from './dto/batch-ingest.dto';
import { checkIngestItem, type IngestAttendanceDto } from './dto/ingest-attendance.dto';
import { IngestService } from './ingest.service';
import { IntegrationCatalogService } from './integration-catalog.service';
import { IntegrationRateLimitGuard } from './integration-rate-limit.guard';
import { ApiIngestAttendance, ApiIngestBatch, ApiIntegrationFunnels, ApiIntegrationOrigins, ApiIntegrationUsers } from './integration.openapi';

/**
 * The n8n side of Fasto: tenant API keys only (`X-Api-Key: fst_…` or `Authorization: Bearer fst_…`),
 * rate limited per key and per tenant (`X-RateLimit-Limit/Remaining/Reset`, 429 + `Retry-After`).
 */
@ApiTags('integration')
@Controller('integration')
@IntegrationRoute()
@UseGuards(IntegrationRateLimitGuard)
export class IntegrationController {
  constructor(
    private readonly catalog: IntegrationCatalogService,
    private readonly ingestion: IngestService,
    private readonly batches: BatchIngestService,
  ) {}

  @Get('users')
  @ApiOperation({ summary: 'Active agents and managers: id, name, email, team' })
  @ApiIntegrationUsers()
  async users(): Promise<{ items: IntegrationUser[] }> {
    return { items: await this.catalog.users() };
  }

  @Get('funnels')
  @ApiOperation({ summary: 'Funnels with their ordered stages and the teams that use them' })
  @ApiIntegrationFunnels()
  async funnels(): Promise<{ items: FunnelView[] }> {
    return { items: await this.catalog.funnelList() };
  }

  @Get('origins')
  @ApiOperation({ summary: 'Origin groups with their ordered items and the teams that use them' })
  @ApiIntegrationOrigins()
  async origins(): Promise<{ items: OriginGroupView[] }> {
    return { items: await this.catalog.originList() };
  }

  @Post('attendances')
  @ApiOperation({ summary: 'Store one attendance (idempotent on external_id): 201 created, 200 updated or unchanged' })
  @ApiIngestAttendance()
  async ingest(@Body(new JsonBody(checkIngestItem)) input: IngestAttendanceDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<IngestResult> {
    const result = await this.ingestion.ingest(input);
    void reply.status(result.status === 'created' ? HttpStatus.CREATED : HttpStatus.OK);
    return result;
  }

  @Post('attendances/batch')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Store up to 500 attendances; one result per item, a bad item never rejects the others' })
  @ApiIngestBatch()
  async ingestBatch(@Body(new JsonBody(checkBatchEnvelope)) batch: BatchIngestDto): Promise<{ results: BatchIngestItemResult[] }> {
    return { results: await this.batches.ingestAll(batch.items) };
  }
}
