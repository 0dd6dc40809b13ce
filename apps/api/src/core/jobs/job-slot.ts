import { CronTime } from 'cron';

const MINUTE_MS = 60_000;

/**
 * The scheduled minute a timer tick belongs to, rounded to the nearest minute: instances whose
 * clocks or event loops are a few seconds apart still name the same slot.
 */
export function slotOf(instant: Date): string {
  const minute = Math.round(instant.getTime() / MINUTE_MS) * MINUTE_MS;
  return new Date(minute).toISOString().slice(0, 16) + 'Z';
}

/** The next time a UTC cron expression fires after `from`. */
export function nextRunAfter(cron: string, from: Date): Date {
  return new CronTime(cron, 'UTC').getNextDateFrom(from).toJSDate();
}
