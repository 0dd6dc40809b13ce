import type { EntityMetadata } from 'typeorm';
import { splitIntoPeriods, type Day } from '../../../core/time/tenant-days';
import { MEASURE_NAMES, type RollupMeasures } from './rollup-definition';

/** Every measure of a summed row, 0 where the row or the value is missing. */
export const toMeasures = (row: Record<string, unknown> | undefined): RollupMeasures =>
  Object.fromEntries(MEASURE_NAMES.map((name) => [name, Number(row?.[name] ?? 0)])) as RollupMeasures;

/** `COALESCE(SUM(column), 0) AS measure` for every measure of the totals (rollup-definition.ts), given the totals entity's metadata. */
export function measureSumsSql(metadata: EntityMetadata): string {
  return MEASURE_NAMES.map((name) => `COALESCE(SUM(${metadata.findColumnWithPropertyName(name)?.databaseName}), 0) AS ${name}`).join(', ');
}

/**
 * The rollup rows covering a range of days, as a bound condition: monthly rows for its whole
 * months, daily rows for the edges (`dailyOnly` for a per-day series).
 */
export function periodsCovering(range: { from: Day; to: Day }, dailyOnly = false): { sql: string; params: string[] } {
  const split = dailyOnly ? { months: null, days: [range] } : splitIntoPeriods(range.from, range.to);
  const periods: string[] = [];
  const params: string[] = [];
  if (split.months) {
    periods.push("(grain = 'M' AND period >= ? AND period <= ?)");
    params.push(split.months.from, split.months.to);
  }
  for (const days of split.days) {
    periods.push("(grain = 'D' AND period >= ? AND period <= ?)");
    params.push(days.from, days.to);
  }
  return { sql: `(${periods.join(' OR ')})`, params };
}
