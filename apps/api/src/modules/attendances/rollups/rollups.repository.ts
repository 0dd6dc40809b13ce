import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { InsertBuilder, type Statement } from '../../../core/database/insert-statement';
import { activeManager, inOneRoundTrip } from '../../../core/database/transactions';
import { TenantContext } from '../../../core/tenancy/tenant-context';
import { TenantTables } from '../../../core/tenancy/tenant-table';
import { Attendance } from '../entities/attendance.entity';
import { factsOf } from './attendance-facts';
import type { AttendanceFacts, RollupDelta, RollupRow } from './rollup-delta';
import { comparedDecimals, keyProperties, ROLLUP_TABLE_NAMES, ROLLUP_TABLES, type RollupTableName } from './rollup-definition';
import { ROLLUP_ENTITIES } from './rollup.entities';

/** A big delta (a rebuild, a seed) is sent in trips of at most this many values, a few MB each. */
const MAX_PARAMS_PER_TRIP = 20_000;

/** The columns the rollups count of an attendance (what `factsOf` reads). */
const FACT_COLUMNS = [
  'a.id',
  'a.tenantId',
  'a.attendedAt',
  'a.userId',
  'a.teamId',
  'a.funnelStageId',
  'a.originItemId',
  'a.converted',
  'a.score',
  'a.firstResponseTimeMin',
  'a.saleValue',
];

/** A stored rollup row as text that compares across engines (numbers unified, measures at their decimals). */
export type ComparableRow = string;

/**
 * The SQL of the dashboard rollups, in the current tenant: additive upserts (inside the caller's
 * transaction), the rebuild's delete, and the reads of the rebuild and of the consistency check.
 * Every statement binds the scope's tenant; a delta row of another tenant is refused.
 */
@Injectable()
export class RollupsRepository {
  private readonly attendances = this.tables.of(Attendance);
  private upserts: Record<RollupTableName, InsertBuilder<RollupRow>> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tables: TenantTables,
    private readonly context: TenantContext,
  ) {}

  /**
   * Applies the delta's rows with additive upserts, after `precededBy` (the attendance write
   * itself), in one round trip on MySQL/MariaDB: the rollup rows are the busiest rows there are
   * (one agent's day), locked until COMMIT, so call this last in a transaction. Only inside one.
   */
  async apply(delta: RollupDelta, precededBy: Statement[] = []): Promise<void> {
    const manager = activeManager(this.dataSource);
    if (!manager.queryRunner?.isTransactionActive) throw new Error('Rollups move only inside a transaction (Transactions.run)');
    const tenantId = this.context.tenantId();
    const rows = delta.rows();
    const statements = precededBy.slice();
    const upserts = this.builders();
    const valueOf = (row: RollupRow, property: string) => (property === 'tenantId' ? tenantId : row[property as keyof RollupRow]);
    for (const table of ROLLUP_TABLE_NAMES) {
      for (const row of rows[table]) if (row.tenantId !== tenantId) throw new Error(`A rollup row of tenant ${row.tenantId} in tenant ${tenantId}'s write`);
      statements.push(...upserts[table].statements(rows[table], valueOf));
    }
    for (let start = 0; start < statements.length; ) {
      let end = start + 1;
      let params = statements[start].params.length;
      while (end < statements.length && params + statements[end].params.length <= MAX_PARAMS_PER_TRIP) params += statements[end++].params.length;
      await inOneRoundTrip(manager, start === 0 && end === statements.length ? statements : statements.slice(start, end));
      start = end;
    }
  }

  /** Empties every rollup table of the tenant (a rebuild, in its transaction). */
  async deleteAll(): Promise<void> {
    const manager = activeManager(this.dataSource);
    for (const table of ROLLUP_TABLE_NAMES) await manager.query(`DELETE FROM ${ROLLUP_TABLES[table].table} WHERE tenant_id = ?`, [this.context.tenantId()]);
  }

  /** The tenant's time zone, read now (a rebuild must not use a cached one). */
  async timeZone(): Promise<string> {
    const [row] = await activeManager(this.dataSource).query<{ timezone: string }[]>('SELECT timezone FROM tenants WHERE id = ?', [this.context.tenantId()]);
    if (!row) throw new Error(`No tenant ${this.context.tenantId()}`);
    return row.timezone;
  }

  /** The facts of the tenant's attendances (soft-deleted ones excluded), `limit` at a time in (attended_at, id) order after `after`. */
  async factsPage(
    after: { attendedAt: Date; id: string } | null,
    limit: number,
  ): Promise<{ facts: AttendanceFacts[]; last: { attendedAt: Date; id: string } | null }> {
    const query = this.attendances.queryBuilder('a').select(FACT_COLUMNS).orderBy('a.attendedAt', 'ASC').addOrderBy('a.id', 'ASC').limit(limit);
    if (after) query.andWhere('(a.attendedAt > :at OR (a.attendedAt = :at AND a.id > :id))', { at: after.attendedAt, id: after.id });
    const rows = await query.getMany();
    return { facts: rows.map(factsOf), last: rows.length ? rows[rows.length - 1] : null };
  }

  /** The facts of the tenant's attendances from `from` on. */
  async factsSince(from: Date): Promise<AttendanceFacts[]> {
    const rows = await this.attendances.queryBuilder('a').select(FACT_COLUMNS).andWhere('a.attendedAt >= :from', { from }).getMany();
    return rows.map(factsOf);
  }

  /** The tenant's daily rows of `table` from `firstDay` on, comparable with `comparable(table, row)` of a recount. */
  async storedDailyRows(table: RollupTableName, firstDay: string): Promise<ComparableRow[]> {
    const metadata = this.dataSource.getMetadata(ROLLUP_ENTITIES[table]);
    const spec = ROLLUP_TABLES[table];
    const selected = [...keyProperties(spec), ...spec.measures].map(
      (property) => `${metadata.findColumnWithPropertyName(property)?.databaseName} AS ${property}`,
    );
    const rows = await activeManager(this.dataSource).query<Record<string, unknown>[]>(
      `SELECT ${selected.join(', ')} FROM ${spec.table} WHERE tenant_id = ? AND grain = 'D' AND period >= ?`,
      [this.context.tenantId(), firstDay],
    );
    return rows.map((row) => comparable(table, row)).filter((text) => text !== null);
  }

  private builders(): Record<RollupTableName, InsertBuilder<RollupRow>> {
    if (!this.upserts) {
      const manager = this.dataSource.manager;
      this.upserts = Object.fromEntries(
        ROLLUP_TABLE_NAMES.map((table) => {
          const spec = ROLLUP_TABLES[table];
          const key = keyProperties(spec);
          return [
            table,
            new InsertBuilder<RollupRow>(manager, ROLLUP_ENTITIES[table], [...key, ...spec.measures], {
              onDuplicate: { kind: 'add', properties: spec.measures, key },
            }),
          ];
        }),
      ) as Record<RollupTableName, InsertBuilder<RollupRow>>;
    }
    return this.upserts;
  }
}

/**
 * A rollup row (stored, or from a recount) as comparable text: the table's key and measures,
 * numbers unified across drivers (strings, REAL) at their decimals; null for a row whose
 * measures are all 0 (it counts nothing).
 */
export function comparable(table: RollupTableName, row: Record<string, unknown> | RollupRow): ComparableRow | null {
  const spec = ROLLUP_TABLES[table];
  const measures = spec.measures.map((name) => Math.round(Number((row as Record<string, unknown>)[name]) * 10 ** comparedDecimals(name)));
  if (measures.every((value) => value === 0)) return null;
  return JSON.stringify([...keyProperties(spec).map((property) => String((row as Record<string, unknown>)[property])), ...measures]);
}
