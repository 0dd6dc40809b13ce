import type { ColumnOptions } from 'typeorm';
import { decimalToNumber } from '../../../core/database/decimal.transformer';
import type { AttendanceFacts } from './rollup-delta';

/**
 * The dashboard rollups, defined once: the entities (rollup.entities.ts) get their measure
 * columns from here, the writer (rollups.repository.ts) its upserts, the dashboard its sums and
 * the nightly consistency check its comparison. Adding a measure is one entry in MEASURES (and a
 * migration for the column).
 */
interface MeasureSpec {
  /** The column's type; every measure column defaults to 0. */
  column: Pick<ColumnOptions, 'type' | 'precision' | 'scale' | 'transformer'>;
  /** What one attendance adds to it. */
  of(facts: AttendanceFacts): number;
  /** Its aggregate over attendance rows (alias `a`), for a window the daily rollups cannot split (part of a day). */
  rawAggregate: string;
  /** Money: kept rounded to the cent as it adds up (binary floats drift), compared to the cent. */
  cents?: true;
}

export const MEASURES = {
  attendances: { column: { type: 'int' }, of: () => 1, rawAggregate: 'COUNT(*)' },
  converted: { column: { type: 'int' }, of: (facts) => (facts.converted ? 1 : 0), rawAggregate: 'SUM(CASE WHEN a.converted THEN 1 ELSE 0 END)' },
  scoreSum: { column: { type: 'bigint' }, of: (facts) => facts.score ?? 0, rawAggregate: 'SUM(a.score)' },
  scoreCount: { column: { type: 'int' }, of: (facts) => (facts.score === null ? 0 : 1), rawAggregate: 'COUNT(a.score)' },
  firstResponseSum: { column: { type: 'double' }, of: (facts) => facts.firstResponseTimeMin ?? 0, rawAggregate: 'SUM(a.first_response_time_min)' },
  firstResponseCount: {
    column: { type: 'int' },
    of: (facts) => (facts.firstResponseTimeMin === null ? 0 : 1),
    rawAggregate: 'COUNT(a.first_response_time_min)',
  },
  saleValueSum: {
    column: { type: 'decimal', precision: 16, scale: 2, transformer: decimalToNumber },
    of: (facts) => facts.saleValue ?? 0,
    rawAggregate: 'SUM(a.sale_value)',
    cents: true,
  },
} satisfies Record<string, MeasureSpec>;

export type MeasureName = keyof typeof MEASURES;
export type RollupMeasures = Record<MeasureName, number>;
export const MEASURE_NAMES = Object.keys(MEASURES) as MeasureName[];
const SPECS: Record<MeasureName, MeasureSpec> = MEASURES;
export const measureSpec = (name: MeasureName): MeasureSpec => SPECS[name];

/** Decimals a stored measure is compared at: cents for money, thousandths for other doubles (SQLite keeps REAL), none for counts. */
export const comparedDecimals = (name: MeasureName): number => (SPECS[name].cents ? 2 : SPECS[name].column.type === 'double' ? 3 : 0);

/** The key columns every rollup row has (entity properties); `userId` only in the per-agent tables. */
export const KEY_PROPERTIES = ['tenantId', 'grain', 'period', 'userId', 'teamId'] as const;

interface TableSpec {
  table: string;
  /** Per agent (with `userId` in the key), or per team only: what tenant- and team-wide dashboards read. */
  byAgent: boolean;
  /** The extra key dimension (a pie's slices), if any. */
  split: 'stageId' | 'originId' | null;
  measures: readonly MeasureName[];
}

/** The six rollup tables: totals, stage counts and origin counts, each per agent and per team. */
export const ROLLUP_TABLES = {
  totals: { table: 'attendance_rollup_totals', byAgent: true, split: null, measures: MEASURE_NAMES },
  stages: { table: 'attendance_rollup_stages', byAgent: true, split: 'stageId', measures: ['attendances'] },
  origins: { table: 'attendance_rollup_origins', byAgent: true, split: 'originId', measures: ['attendances'] },
  teamTotals: { table: 'attendance_rollup_team_totals', byAgent: false, split: null, measures: MEASURE_NAMES },
  teamStages: { table: 'attendance_rollup_team_stages', byAgent: false, split: 'stageId', measures: ['attendances'] },
  teamOrigins: { table: 'attendance_rollup_team_origins', byAgent: false, split: 'originId', measures: ['attendances'] },
} as const satisfies Record<string, TableSpec>;

export type RollupTableName = keyof typeof ROLLUP_TABLES;
export const ROLLUP_TABLE_NAMES = Object.keys(ROLLUP_TABLES) as RollupTableName[];
export const rollupTable = (name: RollupTableName): TableSpec => ROLLUP_TABLES[name];

/** A table's key properties, in primary-key order. */
export function keyProperties(spec: TableSpec): string[] {
  return [...KEY_PROPERTIES.filter((property) => spec.byAgent || property !== 'userId'), ...(spec.split ? [spec.split] : [])];
}
