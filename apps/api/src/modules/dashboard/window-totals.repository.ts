import { Injectable } from '@nestjs/common';
import { TenantTables } from '../../core/tenancy/tenant-table';
import { Attendance } from '../attendances/entities/attendance.entity';
import { MEASURE_NAMES, measureSpec } from '../attendances/rollups/rollup-definition';
import type { DashboardFilter, TotalsSums } from './dashboard.repository';

/**
 * The rollup measures of a window of instants, counted from the attendances themselves: the
 * daily rollups cannot split a day, and a like-for-like comparison needs "yesterday until this
 * hour". Windows are at most a day, walked on the (tenant, team|user, live, attended_at) indexes.
 */
@Injectable()
export class WindowTotalsRepository {
  constructor(private readonly tables: TenantTables) {}

  async totals(filter: DashboardFilter, window: { from: Date; to: Date }): Promise<TotalsSums> {
    const query = this.tables.of(Attendance).queryBuilder('a').select([]);
    for (const name of MEASURE_NAMES) query.addSelect(`COALESCE(${measureSpec(name).rawAggregate}, 0)`, name);
    query.andWhere('a.attendedAt >= :from AND a.attendedAt < :to', window);
    if (filter.teamId) query.andWhere('a.teamId = :teamId', { teamId: filter.teamId });
    if (filter.userId) query.andWhere('a.userId = :userId', { userId: filter.userId });
    const row = (await query.getRawOne<Record<string, unknown>>()) ?? {};
    const sums = Object.fromEntries(MEASURE_NAMES.map((name) => [name, Number(row[name] ?? 0)])) as TotalsSums;
    sums.saleValueSum = Math.round(sums.saleValueSum * 100) / 100;
    return sums;
  }
}
