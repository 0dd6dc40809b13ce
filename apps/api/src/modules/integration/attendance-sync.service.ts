import type { IntegrationAttendance, IntegrationAttendancePage } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import { pageSize } from '../../core/pagination/page-query.dto';
import { AttendanceSyncRepository, type SyncedAttendance } from './attendance-sync.repository';
import type { AttendanceSyncQueryDto } from './dto/attendance-sync-query.dto';

/** Reading Fasto's attendances back into another system (n8n): changes in order, a page at a time. */
@Injectable()
export class AttendanceSyncService {
  constructor(private readonly attendances: AttendanceSyncRepository) {}

  async page(query: AttendanceSyncQueryDto): Promise<IntegrationAttendancePage> {
    const since = query.updated_since ? new Date(query.updated_since) : undefined;
    const page = await this.attendances.changedSince(since, query.cursor, pageSize(query));
    return { items: page.rows.map(toIntegrationAttendance), next_cursor: page.nextCursor };
  }
}

export function toIntegrationAttendance({ row, agentName, agentEmail, teamName, stageName, originName }: SyncedAttendance): IntegrationAttendance {
  return {
    id: row.id,
    external_id: row.externalId,
    attended_at: row.attendedAt.toISOString(),
    customer_name: row.customerName,
    customer_phone: row.customerPhone,
    channel: row.channel,
    title: row.title,
    summary: row.summary,
    full_summary: row.fullSummary,
    score: row.score,
    first_response_time_min: row.firstResponseTimeMin,
    handling_time_min: row.handlingTimeMin,
    converted: row.converted,
    sale_value: row.saleValue,
    agent_id: row.userId,
    agent_name: agentName,
    agent_email: agentEmail,
    team_id: row.teamId,
    team_name: teamName,
    stage_id: row.funnelStageId,
    stage_name: stageName,
    origin_id: row.originItemId,
    origin_name: originName,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    deleted_at: row.deletedAt ? row.deletedAt.toISOString() : null,
  };
}
