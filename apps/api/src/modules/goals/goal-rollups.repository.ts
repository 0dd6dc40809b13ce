import type { GoalScope } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { activeManager } from '../../core/database/transactions';
import { TenantContext } from '../../core/tenancy/tenant-context';
import type { Day } from '../../core/time/tenant-days';
import { ROLLUP_TABLES, type RollupMeasures } from '../attendances/rollups/rollup-definition';
import { ROLLUP_ENTITIES } from '../attendances/rollups/rollup.entities';
import { measureSumsSql, periodsCovering, toMeasures } from '../attendances/rollups/rollup-sums';

/** Per level, the rollup table and the column a goal's subject is: the tenant reads the per-team rows (fewer), an agent the per-agent ones. */
const SOURCES: Record<GoalScope, { table: string; subject: string | null }> = {
  tenant: { table: ROLLUP_TABLES.teamTotals.table, subject: null },
  team: { table: ROLLUP_TABLES.teamTotals.table, subject: 'team_id' },
  user: { table: ROLLUP_TABLES.totals.table, subject: 'user_id' },
};

/** Goal figures, read from the dashboard rollups of the current tenant (never from the attendances themselves). */
@Injectable()
export class GoalRollupsRepository {
  /** `COALESCE(SUM(column), 0) AS measure` for every measure (rollup-definition.ts). */
  private sums: string | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly context: TenantContext,
  ) {}

  /**
   * The measures of a period for each subject (team ids, user ids; '' for the tenant), in one
   * statement: monthly rows for the whole months of the range, daily rows for the rest.
   */
  async totals(scope: GoalScope, subjects: string[], range: { from: Day; to: Day }): Promise<Map<string, RollupMeasures>> {
    const { table, subject } = SOURCES[scope];
    const periods = periodsCovering(range);
    const params: unknown[] = [this.context.tenantId(), ...periods.params];
    let sql = `SELECT ${subject ?? "''"} AS subject, ${this.measureSums()} FROM ${table} WHERE tenant_id = ? AND ${periods.sql}`;
    if (subject) {
      sql += ` AND ${subject} IN (${subjects.map(() => '?').join(', ')}) GROUP BY ${subject}`;
      params.push(...subjects);
    }
    const rows: Record<string, unknown>[] = await activeManager(this.dataSource).query(sql, params);
    return new Map(subjects.map((id) => [id, toMeasures(rows.find((row) => String(row['subject']) === id))]));
  }

  private measureSums(): string {
    this.sums ??= measureSumsSql(this.dataSource.getMetadata(ROLLUP_ENTITIES.totals));
    return this.sums;
  }
}
