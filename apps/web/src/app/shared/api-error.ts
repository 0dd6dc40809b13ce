import { HttpErrorResponse } from '@angular/common/http';
import { HEADERS, type ApiErrorBody, type FieldError } from '@fasto/contracts';

export const httpStatus = (error: unknown): number => (error instanceof HttpErrorResponse ? error.status : 0);

/** Field problems listed in `details` (e.g. every password-policy rule that failed). */
export function fieldMessages(error: unknown): string[] {
  const body = error instanceof HttpErrorResponse ? (error.error as Partial<ApiErrorBody> | null) : null;
  const details = Array.isArray(body?.details) ? (body.details as FieldError[]) : [];
  return details.flatMap((detail) => (Array.isArray(detail.messages) ? detail.messages : []));
}

/** Seconds from a 429's `Retry-After` (at least 1). */
export function retryAfterSeconds(error: unknown): number {
  const header = error instanceof HttpErrorResponse ? error.headers.get(HEADERS.retryAfter) : null;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 60;
}
