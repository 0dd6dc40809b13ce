import { EARLIEST_ATTENDED_AT, ErrorCode, MAX_RANGE_DAYS, Role } from '@fasto/contracts';
import { BadRequestException, ForbiddenException } from '@nestjs/common';
import type { UserPrincipal } from '../../core/auth/principal';
import { addDays, daysInclusive, isValidDay, todayIn, type Day } from '../../core/time/tenant-days';
import { apiError } from '../../core/errors/api-error';

/** The rows a caller may see, after their filters narrowed it; the tenant is the scope's (TenantContext). */
export interface AttendanceScope {
  teamId: string | null;
  userId: string | null;
  /** Whose funnel and origin group define the pie buckets (everything else falls in the others bucket). */
  catalogTeamId: string | null;
}

/**
 * Admins see the whole tenant, managers their team, agents themselves. Filters can narrow the
 * scope but never widen it: asking for someone else's team or agent is refused with 403.
 */
export function resolveScope(principal: UserPrincipal, filters: { teamId?: string; userId?: string }): AttendanceScope {
  if (principal.role === Role.Admin) {
    return { teamId: filters.teamId ?? null, userId: filters.userId ?? null, catalogTeamId: filters.teamId ?? null };
  }
  if (!principal.teamId && principal.role === Role.Manager) throw new ForbiddenException('You are not in a team yet; ask an admin to add you to one');
  if (filters.teamId && filters.teamId !== principal.teamId) throw new ForbiddenException('You can only see your own team');
  if (principal.role === Role.Manager) {
    return { teamId: principal.teamId, userId: filters.userId ?? null, catalogTeamId: principal.teamId };
  }
  if (filters.userId && filters.userId !== principal.userId) throw new ForbiddenException('You can only see your own attendances');
  return { teamId: filters.teamId ?? null, userId: principal.userId, catalogTeamId: principal.teamId };
}

export interface DayRange {
  from: Day;
  to: Day;
}

const invalid = (field: string, message: string) => new BadRequestException(apiError(ErrorCode.ValidationFailed, message, [{ field, messages: [message] }]));

/** No attendance is older: an earlier day is a typo, refused like any invalid date. */
const EARLIEST_DAY = EARLIEST_ATTENDED_AT.slice(0, 10);

/**
 * Validates a `from`/`to` pair of tenant-local days. Missing ends default to the last
 * `defaultDays` days ending today, when a default is wanted at all.
 */
export function resolveDayRange(query: { from?: string; to?: string }, timeZone: string, defaultDays: number | null): DayRange | null {
  if (query.from === undefined && query.to === undefined && defaultDays === null) return null;
  if (query.from !== undefined && !isValidDay(query.from)) throw invalid('from', 'from is not a valid date');
  if (query.to !== undefined && !isValidDay(query.to)) throw invalid('to', 'to is not a valid date');
  for (const field of ['from', 'to'] as const) {
    const day = query[field];
    if (day !== undefined && day < EARLIEST_DAY) throw invalid(field, `${field} must not be before ${EARLIEST_DAY}`);
  }
  const to = query.to ?? todayIn(timeZone);
  const from = query.from ?? addDays(to, -((defaultDays ?? MAX_RANGE_DAYS) - 1));
  if (from > to) throw invalid('from', 'from must not be after to');
  if (daysInclusive(from, to) > MAX_RANGE_DAYS) throw invalid('to', `A range covers at most ${MAX_RANGE_DAYS} days`);
  return { from, to };
}
