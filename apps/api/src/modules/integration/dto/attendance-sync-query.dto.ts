import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsISO8601, IsOptional, ValidateBy } from 'class-validator';
import { PageQueryDto } from '../../../core/pagination/page-query.dto';

/** Years a sync can mean; anything else is a typo that would silently return everything or nothing. */
const isReadableInstant = (value: unknown): boolean => {
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isFinite(time) && time >= Date.UTC(1970, 0, 1) && time < Date.UTC(10000, 0, 1);
};

/**
 * `GET /integration/attendances`: changes since an instant, a page at a time (`cursor`, `limit`
 * as in every list: default 50, larger values capped at 200).
 */
export class AttendanceSyncQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    example: '2026-03-10T12:00:00Z',
    description: 'Only attendances changed (or deleted) at or after this instant (ISO 8601, inclusive); all of them when absent',
  })
  @IsOptional()
  // An unencoded "+03:00" arrives as " 03:00" (a query string's "+" is a space): read it as meant.
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/ (\d{2}(:?\d{2})?)$/, '+$1') : value))
  @IsISO8601({ strict: true }, { message: 'updated_since must be an ISO 8601 date-time, e.g. 2026-03-10T12:00:00Z' })
  @ValidateBy({ name: 'readableInstant', validator: { validate: isReadableInstant, defaultMessage: () => 'updated_since must be between 1970 and 9999' } })
  updated_since?: string;
}
