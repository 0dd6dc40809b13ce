import { Injectable } from '@nestjs/common';
import type { SelectQueryBuilder } from 'typeorm';
import { containsPattern, likeInsensitive } from '../../core/database/like';
import { keysetPage, parseDateCursor } from '../../core/pagination/keyset';
import { TenantTables } from '../../core/tenancy/tenant-table';
import { addDays, startOfDayUtc } from '../../core/time/tenant-days';
import type { AttendanceScope, DayRange } from './attendance-scope';
import type { AttendanceFiltersDto } from './dto/attendance-filters.dto';
import { Attendance } from './entities/attendance.entity';

/** Columns of a list row: everything but the long AI text. */
const LIST_COLUMNS = [
  'a.id',
  'a.externalId',
  'a.attendedAt',
  'a.customerName',
  'a.customerPhone',
  'a.channel',
  'a.title',
  'a.summary',
  'a.score',
  'a.firstResponseTimeMin',
  'a.handlingTimeMin',
  'a.converted',
  'a.saleValue',
  'a.userId',
  'a.teamId',
  'a.funnelStageId',
  'a.originItemId',
];

/** Which attendances a list or an export shows: the caller's scope, their filters, and days in the tenant's time zone. */
export interface AttendanceListFilter {
  scope: Pick<AttendanceScope, 'teamId' | 'userId'>;
  filters: AttendanceFiltersDto;
  range: DayRange | null;
  timeZone: string;
}

export interface AttendanceRowsPage {
  rows: Attendance[];
  nextCursor: string | null;
}

/** The SQL of the attendance list and export: live rows of the current tenant, newest first. */
@Injectable()
export class AttendanceListRepository {
  private readonly attendances = this.tables.of(Attendance);

  constructor(private readonly tables: TenantTables) {}

  /**
   * One keyset page on (attended_at, id) in two steps: the page's ids from the index alone, then
   * their rows. Reading whole rows while walking the index made MariaDB abandon the range scan on deep pages.
   */
  async page(filter: AttendanceListFilter, cursor: string | undefined, limit: number): Promise<AttendanceRowsPage> {
    const keys = await keysetPage(
      this.filtered(filter).select(['a.id', 'a.attendedAt']),
      {
        sortColumn: 'a.attendedAt',
        idColumn: 'a.id',
        direction: 'DESC',
        cursor,
        limit,
        parseSortValue: parseDateCursor,
        keyOf: (row) => [row.attendedAt.toISOString(), row.id],
      },
      (row) => row.id,
    );
    if (keys.items.length === 0) return { rows: [], nextCursor: keys.nextCursor };
    const rows = await this.filtered(filter).select(LIST_COLUMNS).andWhere('a.id IN (:...pageIds)', { pageIds: keys.items }).getMany();
    const position = new Map(keys.items.map((id, index) => [id, index]));
    return { rows: rows.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0)), nextCursor: keys.nextCursor };
  }

  /** The scoped, filtered attendances (soft-deleted rows excluded: the query builder leaves them out). */
  private filtered({ scope, filters, range, timeZone }: AttendanceListFilter): SelectQueryBuilder<Attendance> {
    const query = this.attendances.queryBuilder('a');
    if (scope.teamId) query.andWhere('a.teamId = :teamId', { teamId: scope.teamId });
    if (scope.userId) query.andWhere('a.userId = :userId', { userId: scope.userId });
    if (range) {
      query.andWhere('a.attendedAt >= :fromInstant AND a.attendedAt < :toInstant', {
        fromInstant: startOfDayUtc(range.from, timeZone),
        toInstant: startOfDayUtc(addDays(range.to, 1), timeZone),
      });
    }
    if (filters.stageId) query.andWhere('a.funnelStageId = :stageId', { stageId: filters.stageId });
    if (filters.originId) query.andWhere('a.originItemId = :originId', { originId: filters.originId });
    if (filters.converted !== undefined) query.andWhere('a.converted = :converted', { converted: filters.converted });
    if (filters.minScore !== undefined) query.andWhere('a.score >= :minScore', { minScore: filters.minScore });
    if (filters.maxScore !== undefined) query.andWhere('a.score <= :maxScore', { maxScore: filters.maxScore });
    if (filters.q) {
      query.andWhere(`(${likeInsensitive('a.customerName', 'q')} OR ${likeInsensitive('a.customerPhone', 'q')} OR ${likeInsensitive('a.title', 'q')})`, {
        q: containsPattern(filters.q),
      });
    }
    return query;
  }
}
