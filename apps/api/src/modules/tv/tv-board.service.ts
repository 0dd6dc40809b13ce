import { TV_LATEST_SALES, TV_RANKING_SIZE, type TvBoard, type TvBoardAgent, type TvBoardGoal, type TvPeriod } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import { startOfDayUtc, todayIn } from '../../core/time/tenant-days';
import { TenantTimezones } from '../attendances/tenant-timezones';
import { DashboardRepository, type TotalsSums } from '../dashboard/dashboard.repository';
import { TvBoardRepository } from './tv-board.repository';
import { GoalSummaries } from '../goals/goal-summaries.service';
import { periodRanges } from './tv-periods';

type AgentSums = Awaited<ReturnType<DashboardRepository['byAgent']>>[number];

const cents = (value: number) => Math.round(value * 100) / 100;

/** The TV board of the current tenant: names and numbers from the rollups, plus the latest closed sales. */
@Injectable()
export class TvBoardService {
  constructor(
    private readonly rollups: DashboardRepository,
    private readonly board: TvBoardRepository,
    private readonly timezones: TenantTimezones,
    private readonly goals: GoalSummaries,
  ) {}

  async get(teamId: string | null, period: TvPeriod): Promise<TvBoard> {
    const timeZone = await this.timezones.current();
    const today = todayIn(timeZone);
    const { range, previousRange } = periodRanges(period, today);
    const filter = { teamId, userId: null };
    // Independent reads in parallel on the pool, as the dashboard does.
    const [agents, previousAgents, todayTotals, latestSales, goals, teamName] = await Promise.all([
      this.rollups.byAgent(filter, range),
      this.rollups.byAgent(filter, previousRange),
      this.rollups.totals(filter, { from: today, to: today }),
      this.latestSales(teamId, range.from, timeZone),
      this.goalsOf(teamId, period),
      teamId ? this.board.teamName(teamId) : Promise.resolve(null),
    ]);
    return {
      period,
      range,
      previousRange,
      teamName,
      today: totalsOf([todayTotals]),
      periodTotals: totalsOf(agents),
      ranking: rankingOf(agents, previousAgents),
      latestSales,
      goals,
      generatedAt: new Date().toISOString(),
    };
  }

  /** The board's period goals of the organization or the team (and its agents'). */
  private async goalsOf(teamId: string | null, period: TvPeriod): Promise<TvBoardGoal[]> {
    const goals = await this.goals.of(teamId, 'current', [period]);
    return goals.map(({ id, scope, name, metric, actual, target, done, expectedByNow, status }) => ({
      id,
      scope: scope === 'user' ? 'agent' : scope,
      name,
      metric,
      actual,
      target,
      done,
      expectedByNow,
      status,
    }));
  }

  /** The newest closed sales of the period (the ticker replays and follows these). */
  latestSales(teamId: string | null, periodStart: string, timeZone: string) {
    return this.board.latestSales(teamId, startOfDayUtc(periodStart, timeZone), TV_LATEST_SALES);
  }
}

function totalsOf(rows: TotalsSums[]) {
  return { sales: rows.reduce((sum, row) => sum + row.converted, 0), saleValue: cents(rows.reduce((sum, row) => sum + row.saleValueSum, 0)) };
}

/** Agents by sale value, then sales, then name; movement against the same order in the previous period. */
function rankingOf(agents: AgentSums[], previousAgents: AgentSums[]): TvBoardAgent[] {
  const previousRank = new Map(ranked(previousAgents).map((row, index) => [row.userId, index + 1]));
  return ranked(agents)
    .slice(0, TV_RANKING_SIZE)
    .map((row, index) => {
      const before = previousRank.get(row.userId);
      return {
        rank: index + 1,
        name: row.name,
        sales: row.converted,
        saleValue: cents(row.saleValueSum),
        attendances: row.attendances,
        movement: before === undefined ? null : before - (index + 1),
      };
    });
}

/** Attendances without a known agent (empty user id) are counted in the totals but never ranked. */
function ranked(rows: AgentSums[]): AgentSums[] {
  return rows
    .filter((row) => row.userId !== '')
    .sort((a, b) => b.saleValueSum - a.saleValueSum || b.converted - a.converted || (a.name ?? '').localeCompare(b.name ?? ''));
}
