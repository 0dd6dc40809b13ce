import { GOAL_PROGRESS_PERIODS, type GoalProgressPeriod } from '@fasto/contracts';
import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { AttendanceFiltersDto } from '../../attendances/dto/attendance-filters.dto';

/** The dashboard's scope filters (same validation and the same narrowing), and which period. */
export class GoalProgressQuery extends PickType(AttendanceFiltersDto, ['teamId', 'userId'] as const) {
  @ApiPropertyOptional({ enum: GOAL_PROGRESS_PERIODS, default: 'current' })
  @IsOptional()
  @IsIn(GOAL_PROGRESS_PERIODS)
  period?: GoalProgressPeriod;
}
