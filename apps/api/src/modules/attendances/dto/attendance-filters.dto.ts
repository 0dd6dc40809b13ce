import { MAX_SCORE, MIN_SCORE, SUPPORTED_LOCALES, type SupportedLocale } from '@fasto/contracts';
import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../../core/pagination/page-query.dto';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** Date range in the tenant's time zone, both days included. */
export class DayRangeDto {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'First day (tenant time zone)' })
  @IsOptional()
  @Matches(DAY, { message: 'from must be a date like 2026-01-31' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-01-31', description: 'Last day, included (tenant time zone)' })
  @IsOptional()
  @Matches(DAY, { message: 'to must be a date like 2026-01-31' })
  to?: string;
}

/** The filters shared by the list and the export. */
export class AttendanceFiltersDto extends DayRangeDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  teamId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  userId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  stageId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  originId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  converted?: boolean;

  @ApiPropertyOptional({ minimum: MIN_SCORE, maximum: MAX_SCORE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(MIN_SCORE)
  @Max(MAX_SCORE)
  minScore?: number;

  @ApiPropertyOptional({ minimum: MIN_SCORE, maximum: MAX_SCORE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(MIN_SCORE)
  @Max(MAX_SCORE)
  maxScore?: number;

  @ApiPropertyOptional({ description: 'Customer name, phone or title contains' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

/** Filters plus the keyset page (`cursor`, `limit` ≤ 200). */
export class ListAttendancesQuery extends IntersectionType(AttendanceFiltersDto, PageQueryDto) {}

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;

export class ExportAttendancesQuery extends AttendanceFiltersDto {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' })
  @IsOptional()
  @Matches(/^(csv|xlsx)$/, { message: 'format must be csv or xlsx' })
  format?: (typeof EXPORT_FORMATS)[number];

  @ApiPropertyOptional({ enum: SUPPORTED_LOCALES, default: 'pt-BR', description: 'Language of the headers and words in the file (the web app sends its own)' })
  @IsOptional()
  @IsIn(SUPPORTED_LOCALES, { message: `lang must be one of ${SUPPORTED_LOCALES.join(', ')}` })
  lang?: SupportedLocale;
}
