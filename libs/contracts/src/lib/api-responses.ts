import type { ErrorCode } from './error-codes';

/**
 * The one error body every failing request answers with (SPEC §10). `error` and `message` carry
 * the same human reason (n8n and most HTTP clients show `error`); programs branch on `code`.
 */
export interface ApiErrorBody {
  statusCode: number;
  code: ErrorCode;
  error: string;
  message: string;
  details?: unknown;
}

/** One field that failed validation, as listed in `ApiErrorBody.details`. */
export interface FieldError {
  field: string;
  messages: string[];
}

/** Lists answer with a keyset cursor; `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type HealthState = 'up' | 'down';

export interface HealthResponse {
  status: 'ok' | 'error' | 'shutting_down';
  info?: Record<string, { status: HealthState }>;
  error?: Record<string, { status: HealthState; message?: string }>;
}
