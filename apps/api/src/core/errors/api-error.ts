import type { ErrorCode } from '@fasto/contracts';

/** What an HttpException carries to give its error body a specific code (see error-response.ts). */
export interface ApiErrorPayload {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** `throw new ConflictException(apiError(ErrorCode.EmailTaken, 'A user with this email already exists'))` */
export const apiError = (code: ErrorCode, message: string, details?: unknown): ApiErrorPayload =>
  details === undefined ? { code, message } : { code, message, details };
