import { DateTime } from 'luxon';

/** A calendar day in a tenant's time zone, as `YYYY-MM-DD`. */
export type Day = string;

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** How a zone's instants are shown: the calendar day (en-CA: YYYY-MM-DD) or the 24-hour wall clock. */
const FORMATS = {
  day: ['en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }],
  clock: ['en-US', { hourCycle: 'h23', hour: 'numeric', minute: 'numeric', second: 'numeric' }],
} as const satisfies Record<string, readonly [string, Intl.DateTimeFormatOptions]>;

function formatterFor(timeZone: string, format: keyof typeof FORMATS = 'day'): Intl.DateTimeFormat {
  const key = `${format} ${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const [locale, options] = FORMATS[format];
    formatter = new Intl.DateTimeFormat(locale, { timeZone, ...options });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** A local day and the instants it spans, [from, to) in epoch ms. */
interface DaySpan {
  day: Day;
  from: number;
  to: number;
}

/** Per zone, the span of the last day looked up: a batch's items and a day's posts mostly share one. */
const lastSpans = new Map<string, DaySpan>();

/**
 * The span of `day`, the local day `time` falls on: local midnight found from the wall clock, and
 * both ends checked against the formatter itself. Null when a check fails (a day that a
 * daylight-saving change makes shorter or longer than 24 hours, or one that starts after 00:00).
 */
function spanOf(day: Day, time: number, timeZone: string): DaySpan | null {
  const formatter = formatterFor(timeZone);
  const clock: Record<string, number> = {};
  for (const part of formatterFor(timeZone, 'clock').formatToParts(time)) if (part.type !== 'literal') clock[part.type] = Number(part.value);
  const from = time - (((clock['hour'] * 60 + clock['minute']) * 60 + clock['second']) * 1000 + (((time % 1000) + 1000) % 1000));
  const to = from + DAY_MS;
  const exact = formatter.format(from) === day && formatter.format(from - 1) !== day && formatter.format(to - 1) === day && formatter.format(to) !== day;
  return exact ? { day, from, to } : null;
}

/**
 * The tenant-local calendar day an instant falls on (hot path: ingest and rollups). Intl formats
 * it in ~2 µs; an instant inside the last span found for the zone takes a comparison instead.
 */
export function dayInZone(instant: Date, timeZone: string): Day {
  const time = instant.getTime();
  const last = lastSpans.get(timeZone);
  if (last !== undefined && time >= last.from && time < last.to) return last.day;
  const day = formatterFor(timeZone).format(time); // throws on an invalid date, as it always did
  const span = spanOf(day, time, timeZone);
  if (span) lastSpans.set(timeZone, span);
  return day;
}

/** A real calendar day (2026-02-30 is not): it survives a round trip through a UTC date. */
export function isValidDay(value: string): boolean {
  return DAY_PATTERN.test(value) && Number.isFinite(epochDay(value)) && fromEpochDay(epochDay(value)) === value;
}

/** Local midnights already found, by zone and day: a day starts at the same instant for ever. */
const midnights = new Map<string, number>();
/** Far more zone-days than the reads of a few minutes ask for; past it the map starts over. */
const MAX_MIDNIGHTS = 10_000;

/**
 * The UTC instant at which `day` starts in `timeZone` (DST-aware). Luxon's zone arithmetic costs
 * tens of microseconds a call, and every goals, TV board and dashboard read asks for the same few
 * days (the P9 bench saw it among the top costs), so each answer is kept.
 */
export function startOfDayUtc(day: Day, timeZone: string): Date {
  const key = `${timeZone} ${day}`;
  let time = midnights.get(key);
  if (time === undefined) {
    time = DateTime.fromISO(day, { zone: timeZone }).startOf('day').toMillis();
    if (midnights.size >= MAX_MIDNIGHTS) midnights.clear();
    midnights.set(key, time);
  }
  return new Date(time);
}

// Calendar-day arithmetic on UTC midnights: plain numbers, no time zone, no allocation-heavy
// date library on the dashboard's hot path (a 365-day series walks every day).
const DAY_MS = 86_400_000;
const epochDay = (day: Day): number => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
const fromEpochDay = (value: number): Day => new Date(value * DAY_MS).toISOString().slice(0, 10);

export const addDays = (day: Day, days: number): Day => fromEpochDay(epochDay(day) + days);

/** Whole days from `from` to `to`, both included (1 when they are the same day). */
export const daysInclusive = (from: Day, to: Day): number => epochDay(to) - epochDay(from) + 1;

/** Every day from `from` to `to`, both included. */
export function eachDay(from: Day, to: Day): Day[] {
  const days: Day[] = [];
  for (let value = epochDay(from), last = epochDay(to); value <= last; value++) days.push(fromEpochDay(value));
  return days;
}

export const todayIn = (timeZone: string, now = new Date()): Day => dayInZone(now, timeZone);

/** A range split into whole months (monthly rollups) and the leftover edge days (daily rollups). */
export interface PeriodSplit {
  /** First and last whole month as YYYY-MM, or null when the range holds no whole month. */
  months: { from: string; to: string } | null;
  days: { from: Day; to: Day }[];
}

export function splitIntoPeriods(from: Day, to: Day): PeriodSplit {
  // Plain UTC arithmetic (no luxon): this runs for every dashboard query.
  const firstWholeMonthStart = from.endsWith('-01') ? from : firstOfNextMonth(from);
  const lastWholeMonthEnd = addDays(to, 1).endsWith('-01') ? to : addDays(`${to.slice(0, 7)}-01`, -1);
  if (firstWholeMonthStart > lastWholeMonthEnd) return { months: null, days: [{ from, to }] };
  const days: { from: Day; to: Day }[] = [];
  if (from < firstWholeMonthStart) days.push({ from, to: addDays(firstWholeMonthStart, -1) });
  if (lastWholeMonthEnd < to) days.push({ from: addDays(lastWholeMonthEnd, 1), to });
  return { months: { from: firstWholeMonthStart.slice(0, 7), to: lastWholeMonthEnd.slice(0, 7) }, days };
}

const firstOfNextMonth = (day: Day): Day => new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)), 1)).toISOString().slice(0, 10);
