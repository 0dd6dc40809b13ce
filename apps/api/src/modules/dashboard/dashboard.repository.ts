import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { activeManager } from '../../core/database/transactions';
import { TenantContext } from '../../core/tenancy/tenant-context';
import type { AttendanceScope, DayRange } from '../attendances/attendance-scope';
import { ROLLUP_TABLES, type RollupMeasures } from '../attendances/rollups/rollup-definition';
import { ROLLUP_ENTITIES } from '../attendances/rollups/rollup.entities';
import { measureSumsSql, periodsCovering, toMeasures } from '../attendances/rollups/rollup-sums';

export type TotalsSums = RollupMeasures;

/** Which rows of the tenant: a team's, an agent's, or all of them (null). */
export type DashboardFilter = Pick<AttendanceScope, 'teamId' | 'userId'>;

/**
 * Which rollups answer a filter: without an agent, the rollups without the agent dimension (a few
 * times fewer rows to sum); with one, the per-agent rollups.
 */
const tablesFor = (filter: DashboardFilter) =>
  filter.userId
    ? { totals: ROLLUP_TABLES.totals.table, stages: ROLLUP_TABLES.stages.table, origins: ROLLUP_TABLES.origins.table }
    : { totals: ROLLUP_TABLES.teamTotals.table, stages: ROLLUP_TABLES.teamStages.table, origins: ROLLUP_TABLES.teamOrigins.table };

/** Every dashboard figure of the current tenant, read from the rollups (never from the attendances themselves). */
@Injectable()
export class DashboardRepository {
  /** `COALESCE(SUM(column), 0) AS measure` for every measure of the totals (rollup-definition.ts). */
  private sums: string | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly context: TenantContext,
  ) {}

  async totals(filter: DashboardFilter, range: DayRange): Promise<TotalsSums> {
    const { sql, params } = this.where(filter, range);
    const [row] = await this.query(`SELECT ${this.measureSums()} FROM ${tablesFor(filter).totals} WHERE ${sql}`, params);
    return toMeasures(row);
  }

  async daily(filter: DashboardFilter, range: DayRange): Promise<{ day: string; attendances: number; converted: number }[]> {
    const { sql, params } = this.where(filter, range, true);
    const rows = await this.query(
      `SELECT period AS day, SUM(attendances) AS attendances, SUM(converted) AS converted FROM ${tablesFor(filter).totals} WHERE ${sql} GROUP BY period`,
      params,
    );
    return rows.map((row) => ({ day: String(row['day']), attendances: Number(row['attendances']), converted: Number(row['converted']) }));
  }

  /** Per agent, with the agent's name (joined here rather than fetched in a second round trip). */
  async byAgent(filter: DashboardFilter, range: DayRange): Promise<(TotalsSums & { userId: string; name: string | null })[]> {
    const { sql, params } = this.where(filter, range);
    const rows = await this.query(
      `SELECT r.*, u.full_name AS name
       FROM (SELECT user_id AS userId, ${this.measureSums()} FROM ${ROLLUP_TABLES.totals.table} WHERE ${sql} GROUP BY user_id) r
       LEFT JOIN users u ON u.id = r.userId AND u.tenant_id = ?`,
      [...params, this.context.tenantId()],
    );
    return rows.map((row) => ({ userId: String(row['userId']), name: row['name'] === null ? null : String(row['name']), ...toMeasures(row) }));
  }

  /** Attendances per funnel stage and per lead origin (the two pies), in one round trip. */
  async byStageAndOrigin(filter: DashboardFilter, range: DayRange): Promise<{ stages: Map<string, number>; origins: Map<string, number> }> {
    const { sql, params } = this.where(filter, range);
    const tables = tablesFor(filter);
    const rows = await this.query(
      `SELECT 'stage' AS kind, stage_id AS id, SUM(attendances) AS n FROM ${tables.stages} WHERE ${sql} GROUP BY stage_id
       UNION ALL SELECT 'origin' AS kind, origin_id AS id, SUM(attendances) AS n FROM ${tables.origins} WHERE ${sql} GROUP BY origin_id`,
      [...params, ...params],
    );
    const counts = (kind: string) => new Map(rows.filter((row) => row['kind'] === kind).map((row) => [String(row['id']), Number(row['n'])]));
    return { stages: counts('stage'), origins: counts('origin') };
  }

  /**
   * The tenant's rollup rows covering a range: monthly rows for its whole months, daily rows for
   * the edges (`dailyOnly` for the per-day series). The filter narrows by team and agent.
   */
  private where(filter: DashboardFilter, range: DayRange, dailyOnly = false): { sql: string; params: string[] } {
    const periods = periodsCovering(range, dailyOnly);
    const clauses = ['tenant_id = ?', periods.sql];
    const params = [this.context.tenantId(), ...periods.params];
    if (filter.teamId) {
      clauses.push('team_id = ?');
      params.push(filter.teamId);
    }
    if (filter.userId) {
      clauses.push('user_id = ?');
      params.push(filter.userId);
    }
    return { sql: clauses.join(' AND '), params };
  }

  private measureSums(): string {
    this.sums ??= measureSumsSql(this.dataSource.getMetadata(ROLLUP_ENTITIES.totals));
    return this.sums;
  }

  private query(sql: string, params: unknown[]): Promise<Record<string, unknown>[]> {
    return activeManager(this.dataSource).query(sql, params);
  }
}
