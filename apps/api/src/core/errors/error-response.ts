import { HEADERS, type ApiErrorBody } from '@fasto/contracts';
import { HttpException, HttpStatus } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { isDatabaseUnavailable } from './database-unavailable';
import { TooManyRequestsException } from './too-many-requests.exception';

export interface ErrorResponse {
  status: number;
  body: ApiErrorBody;
  /** True for 5xx: the cause is ours and goes to the log (never to the client). */
  unexpected: boolean;
  headers?: Record<string, string>;
}

const reasonPhrase = (status: number) => STATUS_CODES[status] ?? 'Error';

function build(status: number, message: string, details?: unknown): ErrorResponse {
  const body: ApiErrorBody = { statusCode: status, error: reasonPhrase(status), message };
  if (details !== undefined) body.details = details;
  return { status, body, unexpected: status >= 500 };
}

function fromHttpException(exception: HttpException): ErrorResponse {
  const status = exception.getStatus();
  const response = exception.getResponse();
  if (typeof response === 'string') return build(status, response);
  const { message, details } = response as { message?: unknown; details?: unknown };
  // Nest's built-ins put a list of messages in `message`; keep the first as the headline.
  if (Array.isArray(message)) return build(status, String(message[0] ?? reasonPhrase(status)), details ?? message);
  return build(status, typeof message === 'string' ? message : exception.message, details);
}

/** Errors raised by Fastify itself (body too large, malformed JSON, wrong content type…). */
function fromFrameworkError(error: { statusCode: number; message?: string; code?: string }): ErrorResponse {
  const status = error.statusCode;
  const messages: Record<string, string> = {
    FST_ERR_CTP_BODY_TOO_LARGE: 'Request body is too large',
    FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Unsupported content type',
    FST_ERR_CTP_EMPTY_JSON_BODY: 'Body cannot be empty when content-type is application/json',
    FST_ERR_CTP_INVALID_JSON_BODY: 'Malformed JSON body',
    FST_ERR_MAX_PARAM_LENGTH: 'A path parameter is too long',
    FST_ERR_BAD_URL: 'Malformed URL',
  };
  const fallback = status === 400 && error.message?.includes('JSON') ? 'Malformed JSON body' : reasonPhrase(status);
  return build(status, (error.code && messages[error.code]) ?? fallback);
}

function isClientFrameworkError(error: unknown): error is { statusCode: number; message?: string; code?: string } {
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500;
}

/**
 * Turns anything thrown into the one error body of SPEC §10. Unknown errors become a bare 500:
 * no stack, no SQL, no driver message ever reaches the client.
 */
export function toErrorResponse(error: unknown): ErrorResponse {
  if (error instanceof TooManyRequestsException) {
    return { ...fromHttpException(error), headers: { [HEADERS.retryAfter]: String(error.retryAfterSeconds) } };
  }
  if (error instanceof HttpException) return fromHttpException(error);
  if (isClientFrameworkError(error)) return fromFrameworkError(error);
  if (isDatabaseUnavailable(error)) {
    return build(HttpStatus.SERVICE_UNAVAILABLE, 'The service is temporarily unavailable, please retry');
  }
  return build(HttpStatus.INTERNAL_SERVER_ERROR, 'Internal server error');
}
