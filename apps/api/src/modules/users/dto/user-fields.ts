import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUrl, Matches, MaxLength, ValidateIf } from 'class-validator';

/** Optional, nullable phone: digits with the usual separators, up to 32 characters. */
export const OptionalPhone = () =>
  applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, example: '+55 11 91234-5678' }),
    IsOptional(),
    ValidateIf((_, value) => value !== null),
    MaxLength(32),
    Matches(/^\+?[0-9 ().-]{6,32}$/, { message: 'phone must contain digits and the usual separators only' }),
  );

/** Optional, nullable https avatar URL. */
export const OptionalAvatarUrl = () =>
  applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true }),
    IsOptional(),
    ValidateIf((_, value) => value !== null),
    MaxLength(500),
    IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'avatarUrl must be an https URL' }),
  );
