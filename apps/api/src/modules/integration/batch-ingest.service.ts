import type { BatchIngestItemResult } from '@fasto/contracts';
import { HttpException, Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { toErrorResponse } from '../../core/errors/error-response';
import { IngestAttendanceDto } from './dto/ingest-attendance.dto';
import { IngestService } from './ingest.service';

const flatten = (errors: Awaited<ReturnType<typeof validate>>) =>
  errors.map((error) => ({ field: error.property, messages: Object.values(error.constraints ?? {}) }));

/** Up to 500 attendances, each validated and stored on its own: results per item, in order. */
@Injectable()
export class BatchIngestService {
  constructor(private readonly ingest: IngestService) {}

  async ingestAll(tenantId: string, items: Record<string, unknown>[]): Promise<BatchIngestItemResult[]> {
    const results: BatchIngestItemResult[] = [];
    for (const [index, raw] of items.entries()) {
      const externalId = typeof raw['external_id'] === 'string' ? raw['external_id'] : null;
      const item = plainToInstance(IngestAttendanceDto, raw);
      const errors = await validate(item, { whitelist: true, forbidNonWhitelisted: true });
      if (errors.length > 0) {
        const details = flatten(errors);
        results.push({ index, externalId, status: 'error', error: { message: `Validation failed: ${details[0].messages[0] ?? 'invalid item'}`, details } });
        continue;
      }
      try {
        const result = await this.ingest.ingest(tenantId, item);
        results.push({ index, externalId, status: result.status, id: result.id, ...(result.warnings.length ? { warnings: result.warnings } : {}) });
      } catch (error) {
        // Client errors (e.g. a date too far ahead) belong to the item; anything else is ours.
        if (!(error instanceof HttpException) || error.getStatus() >= 500) throw error;
        const { body } = toErrorResponse(error);
        results.push({ index, externalId, status: 'error', error: { message: body.message, ...(body.details ? { details: body.details } : {}) } });
      }
    }
    return results;
  }
}
