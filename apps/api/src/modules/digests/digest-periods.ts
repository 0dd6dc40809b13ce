import type { DigestKind } from '@fasto/contracts';
import { DateTime } from 'luxon';
import { addDays, type Day } from '../../core/time/tenant-days';

/** The tenant-local hour from which a digest is due. */
export const DIGEST_HOUR = 8;

export interface DigestPeriod {
  kind: DigestKind;
  from: Day;
  to: Day;
}

/**
 * The digests due at `now` in a tenant's time zone: from 08:00 local until the end of that day
 * (later runs of the same day retry what could not be sent), the daily one for yesterday, and on
 * Mondays the weekly one for the previous Monday-to-Sunday week.
 */
export function duePeriods(now: Date, timeZone: string): DigestPeriod[] {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  if (!local.isValid || local.hour < DIGEST_HOUR) return [];
  const today = local.toISODate() as Day;
  const periods: DigestPeriod[] = [{ kind: 'daily', from: addDays(today, -1), to: addDays(today, -1) }];
  if (local.weekday === 1) periods.push({ kind: 'weekly', from: addDays(today, -7), to: addDays(today, -1) });
  return periods;
}
