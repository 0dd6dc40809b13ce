import { DEFAULT_TENANT_PLAN, TENANT_PLANS, type TenantPlan } from '@fasto/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateNested } from 'class-validator';
import { DisplayName } from '../../../core/validation/common-validators';
import { NormalizedEmail } from '../../../core/validation/normalized-email.decorator';

export class FirstAdminDto {
  @ApiProperty({ example: 'owner@acme.example' })
  @NormalizedEmail()
  email!: string;

  @ApiProperty({ example: 'Maria Souza' })
  @DisplayName()
  fullName!: string;
}

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/;

export class CreateTenantDto {
  @ApiProperty({ example: 'Acme Vendas' })
  @DisplayName()
  name!: string;

  @ApiProperty({ example: 'acme-vendas', description: 'Lower-case letters, digits and dashes; unique' })
  @IsString()
  @Matches(SLUG_PATTERN, { message: 'slug must use lower-case letters, digits and dashes (2–60 characters)' })
  @MinLength(2)
  slug!: string;

  @ApiPropertyOptional({ enum: TENANT_PLANS, default: DEFAULT_TENANT_PLAN })
  @IsOptional()
  @IsIn(TENANT_PLANS, { message: `plan must be one of ${TENANT_PLANS.join(', ')}` })
  plan?: TenantPlan;

  @ApiPropertyOptional({ default: 14, minimum: 0, maximum: 365 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  trialDays?: number;

  @ApiProperty({ type: FirstAdminDto })
  @ValidateNested()
  @Type(() => FirstAdminDto)
  admin!: FirstAdminDto;
}
