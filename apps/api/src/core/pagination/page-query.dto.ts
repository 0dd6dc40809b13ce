import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@fasto/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';

/** `cursor` and `limit` of every list; a larger `limit` is capped at 200, not refused. */
export class PageQueryDto {
  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor is not valid' })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === undefined || value === '' ? undefined : /^\d+$/.test(String(value)) ? Math.min(Number(value), MAX_PAGE_SIZE) : value,
  )
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  limit?: number;
}

export const pageSize = (query: PageQueryDto) => query.limit ?? DEFAULT_PAGE_SIZE;
