import { AttendanceChannel } from '@fasto/contracts';
import type { Attendance } from '../attendances/entities/attendance.entity';
import type { IngestAttendanceDto } from './dto/ingest-attendance.dto';
import type { ResolvedReferences } from './ingest-references';

/** Attendances may be posted at most this far in the future (clock skew, time zones). */
export const MAX_FUTURE_MS = 86_400_000;
export const FUTURE_MESSAGE = 'attended_at is more than a day in the future';

/** The fields an ingest writes (and compares, to tell "updated" from "unchanged"). */
export const INGEST_FIELDS = [
  'userId',
  'teamId',
  'funnelStageId',
  'originItemId',
  'customerName',
  'customerPhone',
  'channel',
  'title',
  'summary',
  'fullSummary',
  'score',
  'firstResponseTimeMin',
  'handlingTimeMin',
  'converted',
  'saleValue',
  'attendedAt',
] as const satisfies readonly (keyof Attendance)[];

export type Ingestible = Pick<Attendance, (typeof INGEST_FIELDS)[number]>;

export const sameValue = (a: unknown, b: unknown) =>
  a instanceof Date || b instanceof Date ? new Date(a as Date).getTime() === new Date(b as Date).getTime() : (a ?? null) === (b ?? null);

/** What n8n sent, as attendance columns (the same mapping as a single POST). */
export function ingestValues(input: IngestAttendanceDto, references: ResolvedReferences, attendedAt: Date): Ingestible {
  return {
    userId: references.userId,
    teamId: references.teamId,
    funnelStageId: references.funnelStageId,
    originItemId: references.originItemId,
    customerName: input.customer_name ?? null,
    customerPhone: input.customer_phone ?? null,
    channel: input.channel ?? AttendanceChannel.WhatsApp,
    title: input.title ?? null,
    summary: input.summary ?? null,
    fullSummary: input.full_summary ?? null,
    score: input.score ?? null,
    firstResponseTimeMin: input.first_response_time_min ?? null,
    handlingTimeMin: input.handling_time_min ?? null,
    converted: input.converted ?? false,
    saleValue: input.sale_value ?? null,
    attendedAt,
  };
}
