import type { AttendanceDetail, AttendanceListItem } from '@fasto/contracts';
import type { AttendanceNames } from './attendance-names.repository';
import type { Attendance } from './entities/attendance.entity';

const lookup = <T>(map: Map<string, T>, id: string | null) => (id ? (map.get(id) ?? null) : null);

export function toAttendanceListItem(row: Attendance, names: AttendanceNames): AttendanceListItem {
  return {
    id: row.id,
    externalId: row.externalId,
    attendedAt: row.attendedAt.toISOString(),
    customerName: row.customerName,
    customerPhone: row.customerPhone,
    channel: row.channel,
    title: row.title,
    summary: row.summary,
    score: row.score,
    firstResponseTimeMin: row.firstResponseTimeMin,
    handlingTimeMin: row.handlingTimeMin,
    converted: Boolean(row.converted),
    saleValue: row.saleValue,
    agent: lookup(names.agents, row.userId),
    team: lookup(names.teams, row.teamId),
    stage: lookup(names.stages, row.funnelStageId),
    origin: lookup(names.origins, row.originItemId),
  };
}

export const toAttendanceDetail = (row: Attendance, names: AttendanceNames): AttendanceDetail => ({
  ...toAttendanceListItem(row, names),
  fullSummary: row.fullSummary,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});
