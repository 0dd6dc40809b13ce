import { dayInZone } from '../../../core/time/tenant-days';

/** What the rollups need to know about one attendance. */
export interface AttendanceFacts {
  tenantId: string;
  attendedAt: Date;
  userId: string | null;
  teamId: string | null;
  funnelStageId: string | null;
  originItemId: string | null;
  converted: boolean;
  score: number | null;
  firstResponseTimeMin: number | null;
  saleValue: number | null;
}

interface Key {
  tenantId: string;
  grain: 'D' | 'M';
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

/** Keys are strings; a row whose every number is 0 changes nothing. */
const isZero = (row: object) => Object.values(row).every((value) => typeof value !== 'number' || Math.abs(value) < 1e-9);
const roundCents = (value: number) => Math.round(value * 100) / 100;

/**
 * The change a set of writes makes to the rollups: +1 contribution for each new state of an
 * attendance, −1 for each old one. Contributions that cancel out are dropped.
 */
export class RollupDelta {
  private readonly totals = new Map<string, TotalsRow>();
  private readonly stages = new Map<string, StageRow>();
  private readonly origins = new Map<string, OriginRow>();

  /** Counts the attendance (sign +1) or takes it back (−1) on its day and on its month. */
  add(facts: AttendanceFacts, sign: 1 | -1, timeZone: string): this {
    const day = dayInZone(facts.attendedAt, timeZone);
    this.addTo({ tenantId: facts.tenantId, grain: 'D', period: day, userId: facts.userId ?? '', teamId: facts.teamId ?? '' }, facts, sign);
    this.addTo({ tenantId: facts.tenantId, grain: 'M', period: day.slice(0, 7), userId: facts.userId ?? '', teamId: facts.teamId ?? '' }, facts, sign);
    return this;
  }

  private addTo(key: Key, facts: AttendanceFacts, sign: 1 | -1): void {
    const keyText = `${key.tenantId}|${key.grain}|${key.period}|${key.userId}|${key.teamId}`;

    const totals = this.totals.get(keyText) ?? {
      ...key,
      attendances: 0,
      converted: 0,
      scoreSum: 0,
      scoreCount: 0,
      firstResponseSum: 0,
      firstResponseCount: 0,
      saleValueSum: 0,
    };
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
    this.totals.set(keyText, totals);

    const stageId = facts.funnelStageId ?? '';
    const stage = this.stages.get(`${keyText}|${stageId}`) ?? { ...key, stageId, attendances: 0 };
    stage.attendances += sign;
    this.stages.set(`${keyText}|${stageId}`, stage);

    const originId = facts.originItemId ?? '';
    const origin = this.origins.get(`${keyText}|${originId}`) ?? { ...key, originId, attendances: 0 };
    origin.attendances += sign;
    this.origins.set(`${keyText}|${originId}`, origin);
  }

  /** Rows in key order: concurrent writers then lock rollup rows in the same order (no deadlocks). */
  rows(): { totals: TotalsRow[]; stages: StageRow[]; origins: OriginRow[] } {
    const sorted = <T extends object>(map: Map<string, T>) =>
      [...map.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, row]) => row)
        .filter((row) => !isZero(row));
    return { totals: sorted(this.totals), stages: sorted(this.stages), origins: sorted(this.origins) };
  }
}
