import type { AttendanceFacts } from '../../../core/events/attendance-facts';
import { dayInZone } from '../../../core/time/tenant-days';

/** What the rollups need to know about one attendance (defined with the events that carry it). */
export type { AttendanceFacts };

type Grain = 'D' | 'M';

interface Key {
  tenantId: string;
  grain: Grain;
  /** YYYY-MM-DD for daily rows, YYYY-MM for monthly ones. */
  period: string;
  userId: string;
  teamId: string;
}

/** The additive measures kept per period, agent and team (what the dashboard sums). */
export interface RollupMeasures {
  attendances: number;
  converted: number;
  scoreSum: number;
  scoreCount: number;
  firstResponseSum: number;
  firstResponseCount: number;
  saleValueSum: number;
}

export interface TotalsRow extends Key, RollupMeasures {}

export interface StageRow extends Key {
  stageId: string;
  attendances: number;
}

export interface OriginRow extends Key {
  originId: string;
  attendances: number;
}

/** The same figures without the agent: what tenant- and team-wide dashboards read. */
export type TeamTotalsRow = Omit<TotalsRow, 'userId'>;
export type TeamStageRow = Omit<StageRow, 'userId'>;
export type TeamOriginRow = Omit<OriginRow, 'userId'>;

export interface RollupRows {
  totals: TotalsRow[];
  stages: StageRow[];
  origins: OriginRow[];
  teamTotals: TeamTotalsRow[];
  teamStages: TeamStageRow[];
  teamOrigins: TeamOriginRow[];
}

// Rows and cells are class instances, not spread literals. On V8, an object built by spreading
// another ({ ...key, ...measures }, or { ...key, stageId }) gets a hidden class of its own each
// time: microseconds per object, and every function reading such rows goes megamorphic. It was
// a tenth of a single ingest's CPU (QUALITY P3).

/** The seven measures, all 0: what every row and cell starts from. */
class Measures implements RollupMeasures {
  attendances = 0;
  converted = 0;
  scoreSum = 0;
  scoreCount = 0;
  firstResponseSum = 0;
  firstResponseCount = 0;
  saleValueSum = 0;
}

class Totals extends Measures implements TotalsRow {
  constructor(
    public tenantId: string,
    public grain: Grain,
    public period: string,
    public userId: string,
    public teamId: string,
  ) {
    super();
  }
}

class TeamTotals extends Measures implements TeamTotalsRow {
  constructor(
    public tenantId: string,
    public grain: Grain,
    public period: string,
    public teamId: string,
  ) {
    super();
  }
}

/** A row whose every measure is 0 changes nothing. */
const isZero = (value: number) => Math.abs(value) < 1e-9;
const movesTotals = (row: RollupMeasures) =>
  !isZero(row.attendances) ||
  !isZero(row.converted) ||
  !isZero(row.scoreSum) ||
  !isZero(row.scoreCount) ||
  !isZero(row.firstResponseSum) ||
  !isZero(row.firstResponseCount) ||
  !isZero(row.saleValueSum);
const movesCount = (row: { attendances: number }) => !isZero(row.attendances);
const roundCents = (value: number) => Math.round(value * 100) / 100;

/** Everything one attendance contributes to, before it is spread over the six tables and two grains. */
class Cell extends Measures {
  constructor(
    public tenantId: string,
    public day: string,
    public userId: string,
    public teamId: string,
    public stageId: string,
    public originId: string,
  ) {
    super();
  }
}

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
    const cell = upsert(this.cells, key, () => new Cell(facts.tenantId, day, userId, teamId, stageId, originId));
    addFacts(cell, facts, sign);
    return this;
  }

  /** Rows in key order: concurrent writers then lock rollup rows in the same order (no deadlocks). */
  rows(): RollupRows {
    const tables = new RowMaps();
    for (const cell of this.cells.values()) {
      tables.addCell(cell, 'D', cell.day);
      tables.addCell(cell, 'M', cell.day.slice(0, 7));
    }
    return tables.sorted();
  }
}

/** The six tables' rows, keyed so that cells sharing a row add up in it. */
class RowMaps {
  private readonly totals = new Map<string, TotalsRow>();
  private readonly stages = new Map<string, StageRow>();
  private readonly origins = new Map<string, OriginRow>();
  private readonly teamTotals = new Map<string, TeamTotalsRow>();
  private readonly teamStages = new Map<string, TeamStageRow>();
  private readonly teamOrigins = new Map<string, TeamOriginRow>();

  addCell(cell: Cell, grain: Grain, period: string): void {
    const { tenantId, userId, teamId, stageId, originId, attendances } = cell;
    const teamKeyText = `${tenantId}|${grain}|${period}|${teamId}`;
    const keyText = `${teamKeyText}|${userId}`;
    addMeasures(
      upsert(this.totals, keyText, () => new Totals(tenantId, grain, period, userId, teamId)),
      cell,
    );
    addMeasures(
      upsert(this.teamTotals, teamKeyText, () => new TeamTotals(tenantId, grain, period, teamId)),
      cell,
    );
    upsert(this.stages, `${keyText}|${stageId}`, () => ({ tenantId, grain, period, userId, teamId, stageId, attendances: 0 })).attendances += attendances;
    upsert(this.teamStages, `${teamKeyText}|${stageId}`, () => ({ tenantId, grain, period, teamId, stageId, attendances: 0 })).attendances += attendances;
    upsert(this.origins, `${keyText}|${originId}`, () => ({ tenantId, grain, period, userId, teamId, originId, attendances: 0 })).attendances += attendances;
    upsert(this.teamOrigins, `${teamKeyText}|${originId}`, () => ({ tenantId, grain, period, teamId, originId, attendances: 0 })).attendances += attendances;
  }

  sorted(): RollupRows {
    return {
      totals: inKeyOrder(this.totals, movesTotals),
      stages: inKeyOrder(this.stages, movesCount),
      origins: inKeyOrder(this.origins, movesCount),
      teamTotals: inKeyOrder(this.teamTotals, movesTotals),
      teamStages: inKeyOrder(this.teamStages, movesCount),
      teamOrigins: inKeyOrder(this.teamOrigins, movesCount),
    };
  }
}

/** The rows that change something, by key (the default sort compares UTF-16 code units, like `<`). */
function inKeyOrder<T>(map: Map<string, T>, changes: (row: T) => boolean): T[] {
  const rows: T[] = [];
  for (const key of [...map.keys()].sort()) {
    const row = map.get(key) as T;
    if (changes(row)) rows.push(row);
  }
  return rows;
}

function upsert<T>(map: Map<string, T>, key: string, create: () => T): T {
  let row = map.get(key);
  if (!row) map.set(key, (row = create()));
  return row;
}

/** One attendance's facts into a cell's measures. */
function addFacts(totals: RollupMeasures, facts: AttendanceFacts, sign: 1 | -1): void {
  totals.attendances += sign;
  totals.converted += facts.converted ? sign : 0;
  if (facts.score !== null) {
    totals.scoreSum += sign * facts.score;
    totals.scoreCount += sign;
  }
  if (facts.firstResponseTimeMin !== null) {
    totals.firstResponseSum += sign * facts.firstResponseTimeMin;
    totals.firstResponseCount += sign;
  }
  totals.saleValueSum = roundCents(totals.saleValueSum + sign * (facts.saleValue ?? 0));
}

/** A cell's measures into a row's. */
function addMeasures(totals: RollupMeasures, cell: RollupMeasures): void {
  totals.attendances += cell.attendances;
  totals.converted += cell.converted;
  totals.scoreSum += cell.scoreSum;
  totals.scoreCount += cell.scoreCount;
  totals.firstResponseSum += cell.firstResponseSum;
  totals.firstResponseCount += cell.firstResponseCount;
  totals.saleValueSum = roundCents(totals.saleValueSum + cell.saleValueSum);
}
