import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { commaList, inOneRoundTrip, type Statement } from '../../../core/database/one-round-trip';
import {
  RollupDelta,
  type AttendanceFacts,
  type OriginRow,
  type RollupMeasures,
  type StageRow,
  type TeamOriginRow,
  type TeamStageRow,
  type TeamTotalsRow,
  type TotalsRow,
} from './rollup-delta';

const CHUNK = 400;
const MAX_PARAMS_PER_TRIP = 20_000;
const KEY = ['tenant_id', 'grain', 'period', 'user_id', 'team_id'];

interface TableSpec<Row> {
  table: string;
  keys: string[];
  measures: string[];
  /** Appends the row's values, in `keys` then `measures` order (a plain push: a batch binds thousands). */
  bind: (row: Row, params: unknown[]) => void;
}

const TEAM_KEY = ['tenant_id', 'grain', 'period', 'team_id'];
const TOTAL_MEASURES = ['attendances', 'converted', 'score_sum', 'score_count', 'first_response_sum', 'first_response_count', 'sale_value_sum'];
const bindMeasures = (row: RollupMeasures, params: unknown[]) =>
  params.push(row.attendances, row.converted, row.scoreSum, row.scoreCount, row.firstResponseSum, row.firstResponseCount, row.saleValueSum);

const TOTALS: TableSpec<TotalsRow> = {
  table: 'attendance_rollup_totals',
  keys: KEY,
  measures: TOTAL_MEASURES,
  bind: (row, params) => {
    params.push(row.tenantId, row.grain, row.period, row.userId, row.teamId);
    bindMeasures(row, params);
  },
};
const STAGES: TableSpec<StageRow> = {
  table: 'attendance_rollup_stages',
  keys: [...KEY, 'stage_id'],
  measures: ['attendances'],
  bind: (row, params) => params.push(row.tenantId, row.grain, row.period, row.userId, row.teamId, row.stageId, row.attendances),
};
const ORIGINS: TableSpec<OriginRow> = {
  table: 'attendance_rollup_origins',
  keys: [...KEY, 'origin_id'],
  measures: ['attendances'],
  bind: (row, params) => params.push(row.tenantId, row.grain, row.period, row.userId, row.teamId, row.originId, row.attendances),
};

const TEAM_TOTALS: TableSpec<TeamTotalsRow> = {
  table: 'attendance_rollup_team_totals',
  keys: TEAM_KEY,
  measures: TOTAL_MEASURES,
  bind: (row, params) => {
    params.push(row.tenantId, row.grain, row.period, row.teamId);
    bindMeasures(row, params);
  },
};
const TEAM_STAGES: TableSpec<TeamStageRow> = {
  table: 'attendance_rollup_team_stages',
  keys: [...TEAM_KEY, 'stage_id'],
  measures: ['attendances'],
  bind: (row, params) => params.push(row.tenantId, row.grain, row.period, row.teamId, row.stageId, row.attendances),
};
const TEAM_ORIGINS: TableSpec<TeamOriginRow> = {
  table: 'attendance_rollup_team_origins',
  keys: [...TEAM_KEY, 'origin_id'],
  measures: ['attendances'],
  bind: (row, params) => params.push(row.tenantId, row.grain, row.period, row.teamId, row.originId, row.attendances),
};

/**
 * One table's additive upsert, its SQL text put together once: every ingest writes the same
 * statements with other values (rebuilding the text each time was 4 % of a single post's CPU).
 */
class TableUpsert<Row> {
  private readonly head: string;
  private readonly placeholders: string;
  private readonly conflict: string;

  constructor(
    private readonly spec: TableSpec<Row>,
    mysql: boolean,
  ) {
    const columns = [...spec.keys, ...spec.measures];
    this.head = `INSERT INTO ${spec.table} (${columns.join(', ')}) VALUES `;
    this.placeholders = `(${commaList('?', columns.length)})`;
    const increments = spec.measures
      .map((column) => (mysql ? `${column} = ${column} + VALUES(${column})` : `${column} = ${column} + excluded.${column}`))
      .join(', ');
    this.conflict = mysql ? ` ON DUPLICATE KEY UPDATE ${increments}` : ` ON CONFLICT (${spec.keys.join(', ')}) DO UPDATE SET ${increments}`;
  }

  /** Appends the statements for these rows (none when there are none), CHUNK rows per statement. */
  appendTo(statements: Statement[], rows: Row[]): void {
    for (let start = 0; start < rows.length; start += CHUNK) {
      const end = Math.min(rows.length, start + CHUNK);
      const params: unknown[] = [];
      for (let index = start; index < end; index++) this.spec.bind(rows[index], params);
      statements.push({ sql: this.head + commaList(this.placeholders, end - start) + this.conflict, params });
    }
  }
}

export const ROLLUP_TABLES = [TOTALS.table, STAGES.table, ORIGINS.table, TEAM_TOTALS.table, TEAM_STAGES.table, TEAM_ORIGINS.table];

/** Applies rollup deltas with additive upserts, inside the caller's transaction. */
@Injectable()
export class RollupWriter {
  private readonly totals: TableUpsert<TotalsRow>;
  private readonly stages: TableUpsert<StageRow>;
  private readonly origins: TableUpsert<OriginRow>;
  private readonly teamTotals: TableUpsert<TeamTotalsRow>;
  private readonly teamStages: TableUpsert<TeamStageRow>;
  private readonly teamOrigins: TableUpsert<TeamOriginRow>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    const mysql = dataSource.options.type === 'mysql';
    this.totals = new TableUpsert(TOTALS, mysql);
    this.stages = new TableUpsert(STAGES, mysql);
    this.origins = new TableUpsert(ORIGINS, mysql);
    this.teamTotals = new TableUpsert(TEAM_TOTALS, mysql);
    this.teamStages = new TableUpsert(TEAM_STAGES, mysql);
    this.teamOrigins = new TableUpsert(TEAM_ORIGINS, mysql);
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
    const statements = precededBy.slice();
    this.totals.appendTo(statements, rows.totals);
    this.stages.appendTo(statements, rows.stages);
    this.origins.appendTo(statements, rows.origins);
    this.teamTotals.appendTo(statements, rows.teamTotals);
    this.teamStages.appendTo(statements, rows.teamStages);
    this.teamOrigins.appendTo(statements, rows.teamOrigins);
    if (statements.length === 0) return;
    // A big delta (a rebuild, a seed) is split so that no single packet grows past a few MB.
    for (let start = 0; start < statements.length; ) {
      let end = start + 1;
      let params = statements[start].params.length;
      while (end < statements.length && params + statements[end].params.length <= MAX_PARAMS_PER_TRIP) params += statements[end++].params.length;
      await inOneRoundTrip(manager, end - start === statements.length ? statements : statements.slice(start, end));
      start = end;
    }
  }
}
