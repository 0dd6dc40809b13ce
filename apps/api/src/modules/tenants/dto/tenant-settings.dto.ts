import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';

export class TenantBrandingDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: 'https://cdn.example.com/logo.png' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'logoUrl must be an https URL' })
  @MaxLength(500)
  logoUrl?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '#e6b94a' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @Matches(/^#[0-9a-fA-F]{6}$/, { message: 'primaryColor must be a hex color like #e6b94a' })
  primaryColor?: string | null;
}

/** Each key: a number in range sets it, `null` resets it to its default (stated in the README's API section). */
export class TenantSettingsDto {
  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: 100, default: 50, nullable: true, description: 'null resets to the default' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  lowScoreThreshold?: number | null;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 1440, default: 60, nullable: true, description: 'null resets to the default' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1440)
  firstResponseSlaMinutes?: number | null;
}
