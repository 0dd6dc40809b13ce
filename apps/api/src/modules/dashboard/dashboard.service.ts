import type { DashboardAgentRow, DashboardResponse } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Equal, In, type DataSource } from 'typeorm';
import type { UserPrincipal } from '../../core/auth/principal';
import { addDays, daysInclusive, eachDay } from '../../core/time/tenant-days';
import { resolveDayRange, resolveScope, type DayRange } from '../attendances/attendance-scope';
import { TenantTimezones } from '../attendances/tenant-timezones';
import { User } from '../users/entities/user.entity';
import { DashboardCatalog } from './dashboard-catalog';
import { toSlices, toTotals } from './dashboard-math';
import type { DashboardQuery } from './dashboard.query';
import { DashboardRepository } from './dashboard.repository';

const DEFAULT_RANGE_DAYS = 30;

@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rollups: DashboardRepository,
    private readonly catalog: DashboardCatalog,
    private readonly timezones: TenantTimezones,
  ) {}

  async get(principal: UserPrincipal, query: DashboardQuery): Promise<DashboardResponse> {
    const scope = resolveScope(principal, query);
    const range = resolveDayRange(query, await this.timezones.of(principal.tenantId), DEFAULT_RANGE_DAYS) as DayRange;
    const length = daysInclusive(range.from, range.to);
    const previousRange = { from: addDays(range.from, -length), to: addDays(range.from, -1) };

    const [totals, previousTotals, daily, agents, stageCounts, originCounts, catalog] = await Promise.all([
      this.rollups.totals(scope, range),
      this.rollups.totals(scope, previousRange),
      this.rollups.daily(scope, range),
      this.rollups.byAgent(scope, range),
      this.rollups.byStage(scope, range),
      this.rollups.byOrigin(scope, range),
      this.catalog.forTeam(principal.tenantId, scope.catalogTeamId),
    ]);

    const perDay = new Map(daily.map((row) => [row.day, row]));
    return {
      range,
      previousRange,
      totals: toTotals(totals),
      previousTotals: toTotals(previousTotals),
      byStage: toSlices(catalog.stages, stageCounts),
      byOrigin: toSlices(catalog.origins, originCounts),
      byAgent: await this.agentRows(principal.tenantId, agents, query.sort ?? 'attendances'),
      daily: eachDay(range.from, range.to).map((date) => ({
        date,
        attendances: perDay.get(date)?.attendances ?? 0,
        converted: perDay.get(date)?.converted ?? 0,
      })),
    };
  }

  private async agentRows(
    tenantId: string,
    rows: Awaited<ReturnType<DashboardRepository['byAgent']>>,
    sort: NonNullable<DashboardQuery['sort']>,
  ): Promise<DashboardAgentRow[]> {
    const ids = rows.map((row) => row.userId).filter(Boolean);
    const users = ids.length
      ? await this.dataSource.getRepository(User).find({ select: { id: true, fullName: true }, where: { tenantId: Equal(tenantId), id: In(ids) } })
      : [];
    const names = new Map(users.map((user) => [user.id, user.fullName]));
    const agentRows = rows.map((row) => {
      const totals = toTotals(row);
      return { userId: row.userId || null, name: row.userId ? (names.get(row.userId) ?? 'Usuário removido') : 'Sem agente', ...totals };
    });
    return agentRows.sort((a, b) => (b[sort] ?? -1) - (a[sort] ?? -1) || a.name.localeCompare(b.name));
  }
}
