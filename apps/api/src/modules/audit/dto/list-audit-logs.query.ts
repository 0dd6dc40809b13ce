import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../core/pagination/page-query.dto';

export class ListAuditLogsQuery extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Super admins only: one tenant (default all). Ignored for admins.' })
  @IsOptional()
  @IsUUID('all')
  tenantId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  actorId?: string;

  @ApiPropertyOptional({ example: 'user' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @Matches(/^[a-z_]+$/, { message: 'entity must be a lower-case name such as user or funnel_stage' })
  entity?: string;

  @ApiPropertyOptional({ example: 'user.updated' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  @Matches(/^[a-z_.]+$/, { message: 'action must look like user.updated' })
  action?: string;

  // strict: a day that does not exist (2026-02-30) is refused, not rolled over into March.
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateString({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateString({ strict: true })
  to?: string;
}
