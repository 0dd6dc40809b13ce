import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { inOneRoundTrip, type Statement } from '../../../core/database/one-round-trip';
import { RollupDelta, type AttendanceFacts, type OriginRow, type RollupRows, type StageRow, type TeamTotalsRow, type TotalsRow } from './rollup-delta';

const CHUNK = 400;
const MAX_PARAMS_PER_TRIP = 20_000;
const KEY = ['tenant_id', 'grain', 'period', 'user_id', 'team_id'];

interface TableSpec<Row> {
  table: string;
  keys: string[];
  measures: string[];
  values: (row: Row) => (string | number)[];
}

const TEAM_KEY = ['tenant_id', 'grain', 'period', 'team_id'];
const TOTAL_MEASURES = ['attendances', 'converted', 'score_sum', 'score_count', 'first_response_sum', 'first_response_count', 'sale_value_sum'];
const measuresOf = (row: Omit<TeamTotalsRow, 'tenantId' | 'grain' | 'period' | 'teamId'>) => [
  row.attendances,
  row.converted,
  row.scoreSum,
  row.scoreCount,
  row.firstResponseSum,
  row.firstResponseCount,
  row.saleValueSum,
];

const TOTALS: TableSpec<TotalsRow> = {
  table: 'attendance_rollup_totals',
  keys: KEY,
  measures: TOTAL_MEASURES,
  values: (row) => [row.tenantId, row.grain, row.period, row.userId, row.teamId, ...measuresOf(row)],
};
const STAGES: TableSpec<StageRow> = {
  table: 'attendance_rollup_stages',
  keys: [...KEY, 'stage_id'],
  measures: ['attendances'],
  values: (row) => [row.tenantId, row.grain, row.period, row.userId, row.teamId, row.stageId, row.attendances],
};
const ORIGINS: TableSpec<OriginRow> = {
  table: 'attendance_rollup_origins',
  keys: [...KEY, 'origin_id'],
  measures: ['attendances'],
  values: (row) => [row.tenantId, row.grain, row.period, row.userId, row.teamId, row.originId, row.attendances],
};

const TEAM_TOTALS: TableSpec<RollupRows['teamTotals'][number]> = {
  table: 'attendance_rollup_team_totals',
  keys: TEAM_KEY,
  measures: TOTAL_MEASURES,
  values: (row) => [row.tenantId, row.grain, row.period, row.teamId, ...measuresOf(row)],
};
const TEAM_STAGES: TableSpec<RollupRows['teamStages'][number]> = {
  table: 'attendance_rollup_team_stages',
  keys: [...TEAM_KEY, 'stage_id'],
  measures: ['attendances'],
  values: (row) => [row.tenantId, row.grain, row.period, row.teamId, row.stageId, row.attendances],
};
const TEAM_ORIGINS: TableSpec<RollupRows['teamOrigins'][number]> = {
  table: 'attendance_rollup_team_origins',
  keys: [...TEAM_KEY, 'origin_id'],
  measures: ['attendances'],
  values: (row) => [row.tenantId, row.grain, row.period, row.teamId, row.originId, row.attendances],
};

export const ROLLUP_TABLES = [TOTALS.table, STAGES.table, ORIGINS.table, TEAM_TOTALS.table, TEAM_STAGES.table, TEAM_ORIGINS.table];

/** Applies rollup deltas with additive upserts, inside the caller's transaction. */
@Injectable()
export class RollupWriter {
  private readonly mysql: boolean;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.mysql = dataSource.options.type === 'mysql';
  }

  /** One attendance changed from `before` to `after` (either may be null: insert / delete). */
  async record(
    manager: EntityManager,
    before: AttendanceFacts | null,
    after: AttendanceFacts | null,
    timeZone: string,
    precededBy: Statement[] = [],
  ): Promise<void> {
    const delta = new RollupDelta();
    if (before) delta.add(before, -1, timeZone);
    if (after) delta.add(after, 1, timeZone);
    await this.apply(manager, delta, precededBy);
  }

  /**
   * Every rollup table's upserts. On MySQL/MariaDB they go in one round trip: they lock the
   * busiest rows there are (one agent's day), so the fewer trips until COMMIT the better; call
   * this late in a transaction. `precededBy` statements (the write itself) travel in the same
   * trip, ahead: if one fails, none behind it runs. SQLite runs in process and takes them one by one.
   */
  async apply(manager: EntityManager, delta: RollupDelta, precededBy: Statement[] = []): Promise<void> {
    const rows = delta.rows();
    const statements = [
      ...precededBy,
      ...this.upserts(TOTALS, rows.totals),
      ...this.upserts(STAGES, rows.stages),
      ...this.upserts(ORIGINS, rows.origins),
      ...this.upserts(TEAM_TOTALS, rows.teamTotals),
      ...this.upserts(TEAM_STAGES, rows.teamStages),
      ...this.upserts(TEAM_ORIGINS, rows.teamOrigins),
    ];
    if (statements.length === 0) return;
    // A big delta (a rebuild, a seed) is split so that no single packet grows past a few MB.
    for (let start = 0; start < statements.length; ) {
      let end = start + 1;
      let params = statements[start].params.length;
      while (end < statements.length && params + statements[end].params.length <= MAX_PARAMS_PER_TRIP) params += statements[end++].params.length;
      await inOneRoundTrip(manager, statements.slice(start, end));
      start = end;
    }
  }

  private upserts<Row>(spec: TableSpec<Row>, rows: Row[]): Statement[] {
    const columns = [...spec.keys, ...spec.measures];
    const placeholders = `(${columns.map(() => '?').join(', ')})`;
    const increments = this.mysql
      ? spec.measures.map((column) => `${column} = ${column} + VALUES(${column})`).join(', ')
      : spec.measures.map((column) => `${column} = ${column} + excluded.${column}`).join(', ');
    const conflict = this.mysql ? `ON DUPLICATE KEY UPDATE ${increments}` : `ON CONFLICT (${spec.keys.join(', ')}) DO UPDATE SET ${increments}`;
    const statements: Statement[] = [];
    for (let start = 0; start < rows.length; start += CHUNK) {
      const chunk = rows.slice(start, start + CHUNK);
      statements.push({
        sql: `INSERT INTO ${spec.table} (${columns.join(', ')}) VALUES ${chunk.map(() => placeholders).join(', ')} ${conflict}`,
        params: chunk.flatMap((row) => spec.values(row)),
      });
    }
    return statements;
  }
}
