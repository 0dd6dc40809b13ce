import { DASHBOARD_AGENT_SORTS, type DashboardAgentSort } from '@fasto/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { DayRangeDto } from '../attendances/dto/attendance-filters.dto';

export class DashboardQuery extends DayRangeDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Pies then use this team’s funnel and origin group' })
  @IsOptional()
  @IsUUID('all')
  teamId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  userId?: string;

  @ApiPropertyOptional({ enum: DASHBOARD_AGENT_SORTS, default: 'attendances', description: 'Per-agent ranking, highest first' })
  @IsOptional()
  @IsIn(DASHBOARD_AGENT_SORTS)
  sort?: DashboardAgentSort;
}
