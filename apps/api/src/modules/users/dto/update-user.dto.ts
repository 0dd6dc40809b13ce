import { DIGEST_FREQUENCIES, Role, SUPPORTED_LOCALES, TENANT_ROLES, type DigestFrequency, type SupportedLocale } from '@fasto/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsUUID, ValidateIf } from 'class-validator';
import { DisplayName, Omittable } from '../../../core/validation/common-validators';
import { OptionalAvatarUrl, OptionalPhone } from './user-fields';

/** Profile fields a manager may also edit (for people in their own team). */
export class UpdateProfileDto {
  @ApiPropertyOptional()
  @Omittable()
  @DisplayName()
  fullName?: string;

  @OptionalPhone()
  phone?: string | null;

  @OptionalAvatarUrl()
  avatarUrl?: string | null;
}

/** Your own profile: the shared fields plus personal preferences. */
export class UpdateMeDto extends UpdateProfileDto {
  @ApiPropertyOptional({ enum: SUPPORTED_LOCALES, nullable: true, description: 'null follows the tenant language' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsIn(SUPPORTED_LOCALES, { message: `locale must be one of ${SUPPORTED_LOCALES.join(', ')}` })
  locale?: SupportedLocale | null;

  @ApiPropertyOptional({ enum: DIGEST_FREQUENCIES, description: 'How often the digest e-mail comes (managers and admins; agents get none)' })
  @Omittable()
  @IsIn(DIGEST_FREQUENCIES, { message: `digest must be one of ${DIGEST_FREQUENCIES.join(', ')}` })
  digest?: DigestFrequency;
}

/** Everything an admin may change about a member. */
export class UpdateUserDto extends UpdateProfileDto {
  @ApiPropertyOptional({ enum: TENANT_ROLES })
  @Omittable()
  @IsIn(TENANT_ROLES, { message: 'role must be one of admin, manager, agent' })
  role?: Role;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID('all')
  teamId?: string | null;

  @ApiPropertyOptional()
  @Omittable()
  @IsBoolean()
  isActive?: boolean;
}

/** Fields only admins may touch; a manager sending any of them gets 403. */
export const ADMIN_ONLY_USER_FIELDS = ['role', 'teamId', 'isActive'] as const;
