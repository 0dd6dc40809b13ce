import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { UpdateOwnTenantDto } from './update-own-tenant.dto';
import { Omittable } from '../../../core/validation/common-validators';

/** What a super admin may change; status moves only through suspend/reactivate/cancel. */
export class UpdateTenantDto extends UpdateOwnTenantDto {
  @ApiPropertyOptional()
  @Omittable()
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  plan?: string;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsDateString({ strict: true })
  trialEndsAt?: string | null;
}
