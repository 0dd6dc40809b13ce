import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { splitIntoPeriods } from '../../core/time/tenant-days';
import type { AttendanceScope, DayRange } from '../attendances/attendance-scope';
import type { RollupMeasures } from '../attendances/rollups/rollup-delta';

export type TotalsSums = RollupMeasures;

const SUMS = `COALESCE(SUM(attendances), 0) AS attendances, COALESCE(SUM(converted), 0) AS converted,
  COALESCE(SUM(score_sum), 0) AS scoreSum, COALESCE(SUM(score_count), 0) AS scoreCount,
  COALESCE(SUM(first_response_sum), 0) AS firstResponseSum, COALESCE(SUM(first_response_count), 0) AS firstResponseCount,
  COALESCE(SUM(sale_value_sum), 0) AS saleValueSum`;

const toSums = (row: Record<string, unknown> | undefined): TotalsSums => ({
  attendances: Number(row?.['attendances'] ?? 0),
  converted: Number(row?.['converted'] ?? 0),
  scoreSum: Number(row?.['scoreSum'] ?? 0),
  scoreCount: Number(row?.['scoreCount'] ?? 0),
  firstResponseSum: Number(row?.['firstResponseSum'] ?? 0),
  firstResponseCount: Number(row?.['firstResponseCount'] ?? 0),
  saleValueSum: Number(row?.['saleValueSum'] ?? 0),
});

/**
 * Which rollups answer a scope: without an agent filter, the rollups without the agent
 * dimension (a few times fewer rows to sum); with one, the per-agent rollups.
 */
const tablesFor = (scope: AttendanceScope) =>
  scope.userId
    ? { totals: 'attendance_rollup_totals', stages: 'attendance_rollup_stages', origins: 'attendance_rollup_origins' }
    : { totals: 'attendance_rollup_team_totals', stages: 'attendance_rollup_team_stages', origins: 'attendance_rollup_team_origins' };

/** Every dashboard figure, read from the rollups (never from the attendances themselves). */
@Injectable()
export class DashboardRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The rollup rows covering a range: monthly rows for its whole months, daily rows for the
   * edges (`dailyOnly` for the per-day series). Scope filters narrow by team and agent.
   */
  private where(scope: AttendanceScope, range: DayRange, dailyOnly = false): { sql: string; params: string[] } {
    const split = dailyOnly ? { months: null, days: [range] } : splitIntoPeriods(range.from, range.to);
    const periods: string[] = [];
    const params = [scope.tenantId];
    if (split.months) {
      periods.push("(grain = 'M' AND period >= ? AND period <= ?)");
      params.push(split.months.from, split.months.to);
    }
    for (const days of split.days) {
      periods.push("(grain = 'D' AND period >= ? AND period <= ?)");
      params.push(days.from, days.to);
    }
    const clauses = ['tenant_id = ?', `(${periods.join(' OR ')})`];
    if (scope.teamId) {
      clauses.push('team_id = ?');
      params.push(scope.teamId);
    }
    if (scope.userId) {
      clauses.push('user_id = ?');
      params.push(scope.userId);
    }
    return { sql: clauses.join(' AND '), params };
  }

  async totals(scope: AttendanceScope, range: DayRange): Promise<TotalsSums> {
    const { sql, params } = this.where(scope, range);
    const [row] = await this.dataSource.query(`SELECT ${SUMS} FROM ${tablesFor(scope).totals} WHERE ${sql}`, params);
    return toSums(row);
  }

  async daily(scope: AttendanceScope, range: DayRange): Promise<{ day: string; attendances: number; converted: number }[]> {
    const { sql, params } = this.where(scope, range, true);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT period AS day, SUM(attendances) AS attendances, SUM(converted) AS converted FROM ${tablesFor(scope).totals} WHERE ${sql} GROUP BY period`,
      params,
    );
    return rows.map((row) => ({ day: String(row['day']), attendances: Number(row['attendances']), converted: Number(row['converted']) }));
  }

  /** Per agent, with the agent's name (joined here rather than fetched in a second round trip). */
  async byAgent(scope: AttendanceScope, range: DayRange): Promise<(TotalsSums & { userId: string; name: string | null })[]> {
    const { sql, params } = this.where(scope, range);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT r.userId, u.full_name AS name, r.attendances, r.converted, r.scoreSum, r.scoreCount, r.firstResponseSum, r.firstResponseCount, r.saleValueSum
       FROM (SELECT user_id AS userId, ${SUMS} FROM attendance_rollup_totals WHERE ${sql} GROUP BY user_id) r
       LEFT JOIN users u ON u.id = r.userId AND u.tenant_id = ?`,
      [...params, scope.tenantId],
    );
    return rows.map((row) => ({ userId: String(row['userId']), name: row['name'] === null ? null : String(row['name']), ...toSums(row) }));
  }

  /** Attendances per funnel stage and per lead origin (the two pies), in one round trip. */
  async byStageAndOrigin(scope: AttendanceScope, range: DayRange): Promise<{ stages: Map<string, number>; origins: Map<string, number> }> {
    const { sql, params } = this.where(scope, range);
    const tables = tablesFor(scope);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT 'stage' AS kind, stage_id AS id, SUM(attendances) AS n FROM ${tables.stages} WHERE ${sql} GROUP BY stage_id
       UNION ALL SELECT 'origin' AS kind, origin_id AS id, SUM(attendances) AS n FROM ${tables.origins} WHERE ${sql} GROUP BY origin_id`,
      [...params, ...params],
    );
    const counts = (kind: string) => new Map(rows.filter((row) => row['kind'] === kind).map((row) => [String(row['id']), Number(row['n'])]));
    return { stages: counts('stage'), origins: counts('origin') };
  }
}
