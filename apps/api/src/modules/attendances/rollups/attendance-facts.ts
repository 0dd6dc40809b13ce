import type { Attendance } from '../entities/attendance.entity';
import type { AttendanceFacts } from './rollup-delta';

/** What the rollups count of an attendance's values, in `tenantId` (ingest has the values, not a row). */
export const factsFor = (tenantId: string, values: Pick<Attendance, Exclude<keyof AttendanceFacts, 'tenantId'>>): AttendanceFacts => ({
  tenantId,
  attendedAt: values.attendedAt,
  userId: values.userId,
  teamId: values.teamId,
  funnelStageId: values.funnelStageId,
  originItemId: values.originItemId,
  converted: Boolean(values.converted),
  score: values.score,
  firstResponseTimeMin: values.firstResponseTimeMin,
  saleValue: values.saleValue,
});

export const factsOf = (row: Pick<Attendance, keyof AttendanceFacts>): AttendanceFacts => factsFor(row.tenantId, row);
