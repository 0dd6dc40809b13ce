import { DASHBOARD_AGENT_SORTS, type DashboardAgentSort } from '@fasto/contracts';
import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { AttendanceFiltersDto } from '../attendances/dto/attendance-filters.dto';

/** The list's range and scope filters (same validation), plus the per-agent ranking. */
export class DashboardQuery extends PickType(AttendanceFiltersDto, ['from', 'to', 'teamId', 'userId'] as const) {
  @ApiPropertyOptional({ enum: DASHBOARD_AGENT_SORTS, default: 'attendances', description: 'Per-agent ranking, highest first' })
  @IsOptional()
  @IsIn(DASHBOARD_AGENT_SORTS)
  sort?: DashboardAgentSort;
}
