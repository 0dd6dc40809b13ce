import { TENANT_PLANS, type TenantPlan } from '@fasto/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, ValidateIf } from 'class-validator';
import { UpdateOwnTenantDto } from './update-own-tenant.dto';
import { Omittable } from '../../../core/validation/common-validators';

/** What a super admin may change; status moves only through suspend/reactivate/cancel. */
export class UpdateTenantDto extends UpdateOwnTenantDto {
  @ApiPropertyOptional({ enum: TENANT_PLANS })
  @Omittable()
  @IsIn(TENANT_PLANS, { message: `plan must be one of ${TENANT_PLANS.join(', ')}` })
  plan?: TenantPlan;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsDateString({ strict: true })
  trialEndsAt?: string | null;
}
