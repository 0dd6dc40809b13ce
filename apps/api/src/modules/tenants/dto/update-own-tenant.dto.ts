import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, ValidateNested } from 'class-validator';
import { DisplayName, Omittable, TimeZone } from '../../../core/validation/common-validators';
import { TenantBrandingDto, TenantSettingsDto } from './tenant-settings.dto';

export const SUPPORTED_LOCALES = ['pt-BR', 'en-US', 'es-ES'] as const;

/** What a tenant admin may change about their organization. */
export class UpdateOwnTenantDto {
  @ApiPropertyOptional()
  @Omittable()
  @DisplayName()
  name?: string;

  @ApiPropertyOptional({ example: 'America/Sao_Paulo' })
  @Omittable()
  @TimeZone()
  timezone?: string;

  @ApiPropertyOptional({ enum: SUPPORTED_LOCALES })
  @Omittable()
  @IsIn(SUPPORTED_LOCALES)
  locale?: (typeof SUPPORTED_LOCALES)[number];

  @ApiPropertyOptional({ type: TenantBrandingDto })
  @Omittable()
  @IsObject({ message: '$property must be an object' })
  @ValidateNested()
  @Type(() => TenantBrandingDto)
  branding?: TenantBrandingDto;

  @ApiPropertyOptional({ type: TenantSettingsDto })
  @Omittable()
  @IsObject({ message: '$property must be an object' })
  @ValidateNested()
  @Type(() => TenantSettingsDto)
  settings?: TenantSettingsDto;
}
