import { TenantStatus } from '@fasto/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../core/pagination/page-query.dto';

export class ListTenantsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: TenantStatus })
  @IsOptional()
  @IsEnum(TenantStatus)
  status?: TenantStatus;

  @ApiPropertyOptional({ description: 'Matches name or slug' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  q?: string;
}
