import { addDays, daysInclusive, startOfDayUtc, todayIn, type Day } from '../../core/time/tenant-days';
import type { DayRange } from '../attendances/attendance-scope';

/** What a range's KPIs are compared with, and how to count it. */
export interface PreviousPeriod {
  /** The days before the range, as many as it has. */
  range: DayRange;
  /** The days counted whole (from the rollups); null when none is. */
  wholeDays: DayRange | null;
  /** The part of a day counted from the attendances, when the range is still running; null otherwise. */
  partialDay: { from: Date; until: Date } | null;
}

/**
 * Like for like: a range that includes today is compared with the same elapsed time of the
 * previous period (its first days whole, then the matching day up to the current local time), so
 * a morning is never measured against a whole day. A past range is compared with whole days.
 */
export function previousPeriod(range: DayRange, timeZone: string, now = new Date()): PreviousPeriod {
  const previous = { from: addDays(range.from, -daysInclusive(range.from, range.to)), to: addDays(range.from, -1) };
  const today: Day = todayIn(timeZone, now);
  if (today < range.from || today > range.to) return { range: previous, wholeDays: previous, partialDay: null };

  const matchingDay = addDays(previous.from, daysInclusive(range.from, today) - 1);
  const matchingStart = startOfDayUtc(matchingDay, timeZone);
  const elapsedToday = now.getTime() - startOfDayUtc(today, timeZone).getTime();
  return {
    range: previous,
    wholeDays: matchingDay > previous.from ? { from: previous.from, to: addDays(matchingDay, -1) } : null,
    partialDay: { from: matchingStart, until: new Date(matchingStart.getTime() + elapsedToday) },
  };
}
