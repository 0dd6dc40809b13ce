import type { DashboardAgentRow, DashboardResponse } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import type { UserPrincipal } from '../../core/auth/principal';
import { ReplicaReads } from '../../core/database/replica-reads';
import { eachDay } from '../../core/time/tenant-days';
import { resolveDayRange, resolveScope, type DayRange } from '../attendances/attendance-scope';
import { TenantTimezones } from '../attendances/tenant-timezones';
import { DashboardCatalogRepository } from './dashboard-catalog.repository';
import { toSlices, toTotals } from './dashboard-math';
import type { DashboardQuery } from './dashboard.query';
import { DashboardRepository, type DashboardFilter, type TotalsSums } from './dashboard.repository';
import { previousPeriod, type PreviousPeriod } from './previous-period';
import { WindowTotalsRepository } from './window-totals.repository';

const DEFAULT_RANGE_DAYS = 30;

@Injectable()
export class DashboardService {
  constructor(
    private readonly rollups: DashboardRepository,
    private readonly catalog: DashboardCatalogRepository,
    private readonly timezones: TenantTimezones,
    private readonly windows: WindowTotalsRepository,
    private readonly replicaReads: ReplicaReads,
  ) {}

  /** Read from a replica when one is in use (docs/architecture.md, "Read replicas"). */
  get(principal: UserPrincipal, query: DashboardQuery): Promise<DashboardResponse> {
    return this.replicaReads.run(() => this.read(principal, query));
  }

  private async read(principal: UserPrincipal, query: DashboardQuery): Promise<DashboardResponse> {
    const scope = resolveScope(principal, query);
    const timeZone = await this.timezones.current();
    const range = resolveDayRange(query, timeZone, DEFAULT_RANGE_DAYS) as DayRange;
    const previous = previousPeriod(range, timeZone);

    // Independent reads in parallel on the pool; the range's totals are the sum of its agents' rows.
    const [previousTotals, daily, agents, counts, catalog] = await Promise.all([
      this.previousTotals(scope, previous),
      this.rollups.daily(scope, range),
      this.rollups.byAgent(scope, range),
      this.rollups.byStageAndOrigin(scope, range),
      this.catalog.forTeam(scope.catalogTeamId),
    ]);

    const perDay = new Map(daily.map((row) => [row.day, row]));
    return {
      range,
      previousRange: previous.range,
      previousUntil: previous.partialDay?.until.toISOString() ?? null,
      totals: toTotals(sumOf(agents)),
      previousTotals: toTotals(previousTotals),
      byStage: toSlices(catalog.stages, counts.stages),
      byOrigin: toSlices(catalog.origins, counts.origins),
      byAgent: agentRows(agents, query.sort ?? 'attendances'),
      daily: eachDay(range.from, range.to).map((date) => ({
        date,
        attendances: perDay.get(date)?.attendances ?? 0,
        converted: perDay.get(date)?.converted ?? 0,
      })),
    };
  }

  private async previousTotals(filter: DashboardFilter, previous: PreviousPeriod): Promise<TotalsSums> {
    const parts = await Promise.all([
      previous.wholeDays ? this.rollups.totals(filter, previous.wholeDays) : null,
      previous.partialDay ? this.windows.totals(filter, { from: previous.partialDay.from, to: previous.partialDay.until }) : null,
    ]);
    return sumOf(parts.filter((part): part is TotalsSums => part !== null));
  }
}

function agentRows(rows: Awaited<ReturnType<DashboardRepository['byAgent']>>, sort: NonNullable<DashboardQuery['sort']>): DashboardAgentRow[] {
  const agentRows = rows.map((row): DashboardAgentRow => {
    const agentState = !row.userId ? 'none' : row.name === null ? 'removed' : 'known';
    return { userId: row.userId || null, name: agentState === 'known' ? row.name : null, agentState, ...toTotals(row) };
  });
  return agentRows.sort(
    (a, b) => (b[sort] ?? -1) - (a[sort] ?? -1) || TIE_ORDER[a.agentState] - TIE_ORDER[b.agentState] || (a.name ?? '').localeCompare(b.name ?? ''),
  );
}

/** Ties: named agents by name, then the rows the client names (a removed user, no agent). */
const TIE_ORDER: Record<DashboardAgentRow['agentState'], number> = { known: 0, removed: 1, none: 2 };

function sumOf(rows: TotalsSums[]): TotalsSums {
  const sum: TotalsSums = { attendances: 0, converted: 0, scoreSum: 0, scoreCount: 0, firstResponseSum: 0, firstResponseCount: 0, saleValueSum: 0 };
  for (const row of rows) for (const key of Object.keys(sum) as (keyof TotalsSums)[]) sum[key] += row[key];
  // Cents added as binary floats drift; the per-agent sums came from exact decimals.
  sum.saleValueSum = Math.round(sum.saleValueSum * 100) / 100;
  return sum;
}
