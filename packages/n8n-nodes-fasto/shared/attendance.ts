import type { IDataObject } from 'n8n-workflow';

/** What the node's attendance fields hold for one item, as n8n hands them over. */
export interface AttendanceParameters {
  externalId: string;
  attendedAt: unknown;
  agentId: string;
  stageId: string;
  originId: string;
  additionalFields: IDataObject;
}

/** Optional fields posted as they are, under Fasto's own (snake_case) names. */
export const ADDITIONAL_FIELDS = [
  'agent_email',
  'stage_name',
  'origin_name',
  'customer_name',
  'customer_phone',
  'channel',
  'title',
  'summary',
  'full_summary',
  'score',
  'first_response_time_min',
  'handling_time_min',
  'converted',
  'sale_value',
] as const;

/** An instant as Fasto reads it (ISO 8601): n8n may hand a Date, a Luxon DateTime or text. */
function instantOf(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function')
    return String((value as { toISO: () => string }).toISO());
  return String(value ?? '').trim();
}

/**
 * The body of `POST /api/integration/attendances` (and one item of the batch). Empty fields are
 * left out, so Fasto applies its defaults instead of storing empty text.
 */
export function attendanceBody(parameters: AttendanceParameters): IDataObject {
  const body: IDataObject = { external_id: parameters.externalId.trim(), attended_at: instantOf(parameters.attendedAt) };
  if (parameters.agentId) body.user_id = parameters.agentId;
  if (parameters.stageId) body.stage_id = parameters.stageId;
  if (parameters.originId) body.origin_id = parameters.originId;
  for (const field of ADDITIONAL_FIELDS) {
    const value = parameters.additionalFields[field];
    if (value !== undefined && value !== null && value !== '') body[field] = value;
  }
  return body;
}

/** Fasto takes at most this many attendances per batch request. */
export const BATCH_LIMIT = 500;

export function chunks<T>(items: T[], size = BATCH_LIMIT): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}
