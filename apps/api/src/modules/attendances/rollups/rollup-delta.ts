import type { AttendanceFacts } from '../../../core/events/attendance-facts';
import { dayInZone } from '../../../core/time/tenant-days';
import {
  MEASURE_NAMES,
  measureSpec,
  ROLLUP_TABLES,
  ROLLUP_TABLE_NAMES,
  type MeasureName,
  type RollupMeasures,
  type RollupTableName,
} from './rollup-definition';

export type { RollupMeasures } from './rollup-definition';

/** What the rollups need to know about one attendance (defined with the events that carry it). */
export type { AttendanceFacts };

type Grain = 'D' | 'M';

/**
 * One row of a rollup table: its key and every measure. A table without the agent has `userId`
 * '', one without a split has '' there; the writer binds only the table's own columns
 * (rollup-definition.ts).
 */
export interface RollupRow extends RollupMeasures {
  tenantId: string;
  grain: Grain;
  /** YYYY-MM-DD for daily rows, YYYY-MM for monthly ones. */
  period: string;
  userId: string;
  teamId: string;
  stageId: string;
  originId: string;
}

export type RollupRows = Record<RollupTableName, RollupRow[]>;

// Rows and cells get their fields in one order, the measures added by one loop, never by spreading
// another object: on V8 an object built by spreading gets a hidden class of its own each time, and
// every function reading such rows goes megamorphic (a tenth of a single ingest's CPU once, QUALITY P3).

const roundCents = (value: number) => Math.round(value * 100) / 100;
/** Each measure with what one attendance adds to it and whether it is money, looked up once. */
const MEASURE_LIST = MEASURE_NAMES.map((name) => ({ name, of: measureSpec(name).of, cents: measureSpec(name).cents === true }));
const CENTS = new Set(MEASURE_LIST.filter((measure) => measure.cents).map((measure) => measure.name));

/** Adds `amount` to a measure, keeping money to the cent. */
function addTo(target: RollupMeasures, name: MeasureName, amount: number, cents = CENTS.has(name)): void {
  target[name] = cents ? roundCents(target[name] + amount) : target[name] + amount;
}

/** Sets every measure of `target` to 0. */
function withZeroMeasures<T extends object>(target: T): T & RollupMeasures {
  for (const name of MEASURE_NAMES) (target as T & RollupMeasures)[name] = 0;
  return target as T & RollupMeasures;
}

/** Everything one attendance contributes to, before it is spread over the tables and both grains. */
interface Cell extends RollupMeasures {
  tenantId: string;
  day: string;
  userId: string;
  teamId: string;
  stageId: string;
  originId: string;
}

/** A row whose every measure of its table is 0 changes nothing. */
const isZero = (value: number) => Math.abs(value) < 1e-9;

/**
 * The change a set of writes makes to the rollups: +1 contribution for each new state of an
 * attendance, −1 for each old one. Contributions that cancel out are dropped.
 *
 * Attendances are first summed per cell (tenant, day, agent, team, stage, origin): one lookup
 * each, however many rows they feed. A 500-item batch of one agent's day is then one cell that
 * becomes twelve rows, instead of six thousand map updates (QUALITY P3).
 */
export class RollupDelta {
  private readonly cells = new Map<string, Cell>();

  /** Counts the attendance (sign +1) or takes it back (−1) on its day and on its month. */
  add(facts: AttendanceFacts, sign: 1 | -1, timeZone: string): this {
    const day = dayInZone(facts.attendedAt, timeZone);
    const userId = facts.userId ?? '';
    const teamId = facts.teamId ?? '';
    const stageId = facts.funnelStageId ?? '';
    const originId = facts.originItemId ?? '';
    const key = `${facts.tenantId}|${day}|${userId}|${teamId}|${stageId}|${originId}`;
    const cell = upsert(this.cells, key, (): Cell => withZeroMeasures({ tenantId: facts.tenantId, day, userId, teamId, stageId, originId }));
    for (const measure of MEASURE_LIST) addTo(cell, measure.name, sign * measure.of(facts), measure.cents);
    return this;
  }

  /** Rows per table in key order: concurrent writers then lock rollup rows in the same order (no deadlocks). */
  rows(): RollupRows {
    const maps = Object.fromEntries(ROLLUP_TABLE_NAMES.map((table) => [table, new Map<string, RollupRow>()])) as Record<
      RollupTableName,
      Map<string, RollupRow>
    >;
    for (const cell of this.cells.values()) {
      for (const table of ROLLUP_TABLE_NAMES) {
        addCell(maps[table], table, cell, 'D', cell.day);
        addCell(maps[table], table, cell, 'M', cell.day.slice(0, 7));
      }
    }
    return Object.fromEntries(ROLLUP_TABLE_NAMES.map((table) => [table, inKeyOrder(maps[table], table)])) as RollupRows;
  }
}

/** A cell's measures into the row of `table` it belongs to. */
function addCell(rows: Map<string, RollupRow>, table: RollupTableName, cell: Cell, grain: Grain, period: string): void {
  const spec = ROLLUP_TABLES[table];
  const userId = spec.byAgent ? cell.userId : '';
  const stageId = spec.split === 'stageId' ? cell.stageId : '';
  const originId = spec.split === 'originId' ? cell.originId : '';
  const key = `${cell.tenantId}|${grain}|${period}|${cell.teamId}|${userId}|${stageId}|${originId}`;
  const row = upsert(rows, key, (): RollupRow => withZeroMeasures({ tenantId: cell.tenantId, grain, period, userId, teamId: cell.teamId, stageId, originId }));
  for (const name of spec.measures) addTo(row, name, cell[name]);
}

/** The rows that change one of their table's measures, by key (the default sort compares UTF-16 code units, like `<`). */
function inKeyOrder(map: Map<string, RollupRow>, table: RollupTableName): RollupRow[] {
  const measures = ROLLUP_TABLES[table].measures;
  const rows: RollupRow[] = [];
  for (const key of [...map.keys()].sort()) {
    const row = map.get(key) as RollupRow;
    if (measures.some((name) => !isZero(row[name]))) rows.push(row);
  }
  return rows;
}

function upsert<T>(map: Map<string, T>, key: string, create: () => T): T {
  let row = map.get(key);
  if (!row) map.set(key, (row = create()));
  return row;
}
