import { isPaletteColor } from '@fasto/contracts';
import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, Matches, MaxLength, MinLength, ValidateBy, ValidateIf } from 'class-validator';

/**
 * "May be left out" without "may be null" (what `@IsOptional()` also allows): for fields whose
 * column is NOT NULL, a `null` must fail validation (400) instead of the write (500).
 */
export const Omittable = () => ValidateIf((_: object, value: unknown) => value !== undefined);

/** A display name: trimmed, 1–`max` characters, no control characters. */
export const DisplayName = (max = 120) =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value)),
    IsString(),
    MinLength(1),
    MaxLength(max),
    Matches(/^[^\p{Cc}]*$/u, { message: '$property must not contain control characters' }),
  );

/** A Tailwind background class from the shared palette (`bg-green-100`…). */
export const PaletteColor = () =>
  ValidateBy({
    name: 'isPaletteColor',
    validator: {
      validate: (value: unknown) => isPaletteColor(value),
      defaultMessage: () => '$property must be a palette color such as bg-green-100',
    },
  });

/** An IANA time zone the runtime knows, e.g. America/Sao_Paulo. */
export const TimeZone = () =>
  ValidateBy({
    name: 'isTimeZone',
    validator: {
      validate: (value: unknown) => {
        if (typeof value !== 'string' || value.length > 64) return false;
        try {
          new Intl.DateTimeFormat('en-US', { timeZone: value });
          return true;
        } catch {
          return false;
        }
      },
      defaultMessage: () => '$property must be an IANA time zone such as America/Sao_Paulo',
    },
  });
