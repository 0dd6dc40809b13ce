import type { TvPeriod } from '@fasto/contracts';
import { DateTime } from 'luxon';
import type { Day } from '../../core/time/tenant-days';

export interface TvPeriodRanges {
  /** The current period up to today. */
  range: { from: Day; to: Day };
  /** The whole previous period (the ranking's movement compares with it). */
  previousRange: { from: Day; to: Day };
}

/** The period containing `today` (a tenant-local day): a Monday-based week or a calendar month. */
export function periodRanges(period: TvPeriod, today: Day): TvPeriodRanges {
  const unit = period === 'week' ? 'week' : 'month';
  // Luxon's weeks are ISO weeks: they start on Monday.
  const start = DateTime.fromISO(today, { zone: 'utc' }).startOf(unit);
  const previousStart = start.minus({ [unit === 'week' ? 'weeks' : 'months']: 1 });
  const day = (value: DateTime) => value.toISODate() as Day;
  return { range: { from: day(start), to: today }, previousRange: { from: day(previousStart), to: day(start.minus({ days: 1 })) } };
}
