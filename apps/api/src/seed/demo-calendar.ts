import { DateTime } from 'luxon';
import { pickWeighted, type Random } from './random';

/**
 * How chats arrive over a local day (0h–23h): a few at night, a morning peak, a lunch dip and an
 * afternoon plateau — what a sales team's WhatsApp looks like, so the demo's charts have a shape.
 */
const HOUR_WEIGHTS = [1, 0.5, 0.3, 0.2, 0.2, 0.4, 1, 3, 7, 10, 11, 10, 7, 6, 9, 10, 10, 9, 7, 5, 4, 3, 2, 1.5];
const HOURS = HOUR_WEIGHTS.map((_, hour) => hour);

/** Saturdays and Sundays are quieter (luxon: Monday = 1 … Sunday = 7). */
const WEEKDAY_WEIGHTS = [0, 1, 1.05, 1.05, 1, 0.95, 0.45, 0.25];

/** Today's share of a full day's attendances, at least. */
const MIN_TODAY_SHARE = 0.15;

interface CalendarDay {
  start: DateTime;
  /** Share of all attendances up to and including this day. */
  cumulative: number;
}

/** A small deterministic wobble per day (no draw from the generator: the day list is built once). */
const wobble = (ordinal: number) => 0.85 + (((ordinal * 2654435761) >>> 0) % 1000) / 1000 / 3.3;

/**
 * The demo's days in the tenant's time zone, oldest first, from `historyDays - 1` days before
 * `until` to `until` itself (today, counted only up to its current hour). Each day gets a share
 * of the attendances by weekday, a gentle growth over the period and a wobble.
 */
export class DemoCalendar {
  private readonly days: CalendarDay[];

  constructor(
    private readonly until: Date,
    historyDays: number,
    zone: string,
  ) {
    const today = DateTime.fromJSDate(until, { zone }).startOf('day');
    // Today always shows something, even just after midnight.
    const elapsedToday = Math.max(MIN_TODAY_SHARE, this.hoursWeight(DateTime.fromJSDate(until, { zone }).hour + 1));
    const weights = Array.from({ length: historyDays }, (_, index) => {
      const start = today.minus({ days: historyDays - 1 - index });
      const growth = 0.8 + (0.4 * index) / Math.max(1, historyDays - 1);
      const share = index === historyDays - 1 ? elapsedToday : 1;
      return { start, weight: WEEKDAY_WEIGHTS[start.weekday] * growth * wobble(start.ordinal + start.year * 366) * share };
    });
    const total = weights.reduce((sum, day) => sum + day.weight, 0);
    let running = 0;
    this.days = weights.map(({ start, weight }) => ({ start, cumulative: (running += weight) / total }));
  }

  /** The instant of the attendance at `position` (0 = oldest, 1 = newest) of a run: its day by share, its hour by the daily curve. */
  instantAt(position: number, random: Random): Date {
    const day = this.days[this.dayIndexAt(position)];
    const hour = pickWeighted(random, HOURS, HOUR_WEIGHTS);
    const instant = day.start.set({ hour, minute: Math.floor(random() * 60), second: Math.floor(random() * 60) }).toJSDate();
    if (instant.getTime() <= this.until.getTime()) return instant;
    // Today, later than now: somewhere in what has passed of today instead.
    const startOfToday = day.start.toMillis();
    return new Date(startOfToday + Math.floor(random() * (this.until.getTime() - startOfToday)));
  }

  /** The first day whose cumulative share reaches `position` (binary search: bench seeds run a million rows). */
  private dayIndexAt(position: number): number {
    let low = 0;
    let high = this.days.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.days[middle].cumulative >= position) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  /** The daily curve's share of the first `hours` hours of a day. */
  private hoursWeight(hours: number): number {
    const all = HOUR_WEIGHTS.reduce((sum, weight) => sum + weight, 0);
    return HOUR_WEIGHTS.slice(0, hours).reduce((sum, weight) => sum + weight, 0) / all;
  }
}
