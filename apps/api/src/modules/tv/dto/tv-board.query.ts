import { TV_PERIODS, type TvPeriod } from '@fasto/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

export class TvBoardQuery {
  @ApiPropertyOptional({ enum: TV_PERIODS, default: 'week' })
  @IsOptional()
  @IsIn(TV_PERIODS)
  period?: TvPeriod;

  /** Admins may pick a team; a manager sees their own, a TV link its own. */
  @ApiPropertyOptional({ type: String, format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  teamId?: string;
}
