import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsUUID, Max, Min, ValidateIf } from 'class-validator';
import { Cents } from '../../../core/validation/cents';
import { Omittable } from '../../../core/validation/common-validators';

/** What an admin or manager may correct after the AI judged a conversation. */
export class UpdateAttendanceDto {
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID('all')
  funnelStageId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID('all')
  originItemId?: string | null;

  @ApiPropertyOptional()
  @Omittable()
  @IsBoolean()
  converted?: boolean;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0 })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Cents()
  @Min(0)
  @Max(999_999_999_999)
  saleValue?: number | null;
}
