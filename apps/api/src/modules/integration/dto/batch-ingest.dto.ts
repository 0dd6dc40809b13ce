import { MAX_BATCH_SIZE } from '@fasto/contracts';
import type { SchemaObject } from 'ajv';
import { checkerOf, documentBody } from '../../../core/validation/json-body';
import { INGEST_ATTENDANCE_SCHEMA } from './ingest-attendance.dto';

export interface BatchIngestDto {
  items: Record<string, unknown>[];
}

const items = {
  type: 'array',
  minItems: 1,
  maxItems: MAX_BATCH_SIZE,
  description: 'Each item has the shape of POST /integration/attendances',
  'x-messages': { maxItems: `items holds at most ${MAX_BATCH_SIZE} attendances per batch` },
};

/** The envelope only: items are validated one by one by the service, so one bad item never sinks the others. */
export const BATCH_INGEST_SCHEMA: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: { items: { ...items, items: { type: 'object', 'x-messages': { type: 'each item must be an object' } } } },
};

export const checkBatchEnvelope = checkerOf<BatchIngestDto>(BATCH_INGEST_SCHEMA);

/** The OpenAPI request schemas: the same definitions, the items shown as what they must be. */
export const INGEST_ATTENDANCE_BODY = documentBody('IngestAttendanceDto', INGEST_ATTENDANCE_SCHEMA);
export const BATCH_INGEST_BODY = documentBody('BatchIngestDto', {
  ...BATCH_INGEST_SCHEMA,
  properties: { items: { ...items, items: INGEST_ATTENDANCE_BODY } },
});
