import { GOAL_METRICS, GOAL_PERIODS, GOAL_SCOPES, type GoalMetric, type GoalPeriod, type GoalScope } from '@fasto/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNumber, IsUUID, Matches, ValidateIf } from 'class-validator';
import { Omittable } from '../../../core/validation/common-validators';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MESSAGE = { message: 'activeFrom must be a date like 2026-01-31' };
/**
 * The metric's own range and decimals (GOAL_TARGET_LIMITS) are checked by the service, which knows
 * the metric on a PATCH too (class-validator's `maxDecimalPlaces` throws on 1e-7: a 500).
 */
const TARGET = { allowNaN: false, allowInfinity: false };

export class CreateGoalDto {
  @ApiProperty({ enum: GOAL_SCOPES, description: 'tenant: the organization; team: `teamId`; user: the agent `userId`' })
  @IsIn(GOAL_SCOPES)
  scope!: GoalScope;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only (and required) for a team goal' })
  @ValidateIf((goal: CreateGoalDto) => goal.scope === 'team' || goal.teamId !== undefined)
  @IsUUID('all')
  teamId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only (and required) for an agent goal' })
  @ValidateIf((goal: CreateGoalDto) => goal.scope === 'user' || goal.userId !== undefined)
  @IsUUID('all')
  userId?: string;

  @ApiProperty({ enum: GOAL_METRICS })
  @IsIn(GOAL_METRICS)
  metric!: GoalMetric;

  @ApiProperty({ enum: GOAL_PERIODS, description: 'week (Monday to Sunday) or month, in the tenant’s time zone' })
  @IsIn(GOAL_PERIODS)
  period!: GoalPeriod;

  @ApiProperty({ example: 50000, description: 'Count, money (2 decimals), a share 0–1 (conversion_rate) or a score 0–100' })
  @IsNumber(TARGET)
  target!: number;

  @ApiPropertyOptional({ example: '2026-12-01', description: 'First day it counts (the period holding it counts in full); default today' })
  @Omittable()
  @Matches(DAY, DAY_MESSAGE)
  activeFrom?: string;
}

export class UpdateGoalDto {
  @ApiPropertyOptional({ example: 60000 })
  @Omittable()
  @IsNumber(TARGET)
  target?: number;

  @ApiPropertyOptional({ example: '2026-12-01' })
  @Omittable()
  @Matches(DAY, DAY_MESSAGE)
  activeFrom?: string;
}
