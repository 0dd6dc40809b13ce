import type { GoalPeriod, GoalProgressPeriod } from '@fasto/contracts';
import { addDays, startOfDayUtc, todayIn, type Day } from '../../core/time/tenant-days';

/** One occurrence of a goal's period: its first and last tenant-local day. */
export interface PeriodBounds {
  start: Day;
  end: Day;
}

/** Monday 0 … Sunday 6, of a calendar day (no time zone: the day is already local). */
const weekdayFromMonday = (day: Day): number => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
const firstOfMonth = (day: Day): Day => `${day.slice(0, 7)}-01`;
const lastOfMonth = (day: Day): Day => addDays(firstOfMonth(addDays(firstOfMonth(day), 31)), -1);

/** The period holding `day`: its Monday-to-Sunday week, or its calendar month. */
export function periodHolding(period: GoalPeriod, day: Day): PeriodBounds {
  if (period === 'week') {
    const start = addDays(day, -weekdayFromMonday(day));
    return { start, end: addDays(start, 6) };
  }
  return { start: firstOfMonth(day), end: lastOfMonth(day) };
}

/** The running period in the tenant's zone at `now`, or the one before it. */
export function periodBounds(period: GoalPeriod, which: GoalProgressPeriod, timeZone: string, now: Date): PeriodBounds {
  const current = periodHolding(period, todayIn(timeZone, now));
  return which === 'current' ? current : periodHolding(period, addDays(current.start, -1));
}

/**
 * Share of the period elapsed at `now`, 0..1, in calendar time between the local midnights that
 * bound it (a daylight-saving day counts its real length). Tenants have no business hours yet, so
 * every hour counts; with business hours this becomes the share of business time.
 */
export function elapsedShare(bounds: PeriodBounds, timeZone: string, now: Date): number {
  const from = startOfDayUtc(bounds.start, timeZone).getTime();
  const to = startOfDayUtc(addDays(bounds.end, 1), timeZone).getTime();
  return Math.min(1, Math.max(0, (now.getTime() - from) / (to - from)));
}
