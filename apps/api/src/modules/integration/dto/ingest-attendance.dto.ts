import { AttendanceChannel, EARLIEST_ATTENDED_AT, MAX_SCORE, MIN_SCORE } from '@fasto/contracts';
import type { SchemaObject } from 'ajv';
import { checkerOf } from '../../../core/validation/json-body';

/**
 * The AI's final JSON for one conversation, in the snake_case n8n produces. Agent, stage and
 * origin may be given by id or by name/email; `external_id` makes retries idempotent.
 */
export interface IngestAttendanceDto {
  external_id: string;
  user_id?: string | null;
  agent_email?: string | null;
  stage_id?: string | null;
  stage_name?: string | null;
  origin_id?: string | null;
  origin_name?: string | null;
  customer_name?: string | null;
  customer_phone?: string | null;
  channel?: AttendanceChannel | null;
  title?: string | null;
  summary?: string | null;
  full_summary?: string | null;
  score?: number | null;
  first_response_time_min?: number | null;
  handling_time_min?: number | null;
  converted?: boolean | null;
  sale_value?: number | null;
  attended_at: string;
}

const text = (maxLength: number, extra: SchemaObject = {}): SchemaObject => ({ type: 'string', nullable: true, maxLength, ...extra });
const uuid: SchemaObject = { type: 'string', nullable: true, format: 'uuid' };
const minutes: SchemaObject = { type: 'number', nullable: true, minimum: 0, maximum: 525_600 };

/**
 * The one definition of the body: ajv validates it (`checkIngestItem`) and the OpenAPI document
 * shows it (`#/components/schemas/IngestAttendanceDto`). Absent and null are alike for optional fields.
 */
export const INGEST_ATTENDANCE_SCHEMA: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  required: ['external_id', 'attended_at'],
  properties: {
    external_id: {
      type: 'string',
      minLength: 1,
      maxLength: 128,
      pattern: '^[^\\p{Cc}]+$',
      'x-trim': true,
      'x-messages': { pattern: 'external_id must not contain control characters' },
      example: 'wa-5511999990000-2026-03-10T12:00',
      description: 'n8n’s id of the conversation: the idempotency key',
    },
    user_id: uuid,
    agent_email: { ...text(254), format: 'email', example: 'agent@demo.fasto.app', description: 'Used when user_id is absent (case-insensitive)' },
    stage_id: uuid,
    stage_name: text(80, { 'x-trim': true, example: 'Proposta', description: 'Matched case- and accent-insensitively, the agent’s team funnel first' }),
    origin_id: uuid,
    origin_name: text(80, { 'x-trim': true, example: 'Instagram' }),
    customer_name: text(160, { example: 'Maria Souza' }),
    customer_phone: text(32, { example: '+55 11 99999-0000' }),
    channel: { type: 'string', nullable: true, enum: [...Object.values(AttendanceChannel), null], default: AttendanceChannel.WhatsApp },
    title: text(200),
    summary: text(5000),
    full_summary: text(100_000, { description: 'The AI’s long analysis' }),
    score: { type: 'number', nullable: true, multipleOf: 1, minimum: MIN_SCORE, maximum: MAX_SCORE },
    first_response_time_min: minutes,
    handling_time_min: minutes,
    converted: { type: 'boolean', nullable: true, default: false, description: 'The sale closed ("Venda Fechada")' },
    sale_value: { type: 'number', nullable: true, format: 'cents', minimum: 0, maximum: 999_999_999_999 },
    attended_at: {
      type: 'string',
      format: 'iso8601',
      'x-earliest': EARLIEST_ATTENDED_AT,
      example: '2026-03-10T12:00:00-03:00',
      description: `When the conversation happened (ISO 8601); not before ${EARLIEST_ATTENDED_AT}, at most a day ahead`,
    },
  },
};

/** One attendance (a single post's body, or one batch item) against the schema. */
export const checkIngestItem = checkerOf<IngestAttendanceDto>(INGEST_ATTENDANCE_SCHEMA);
