import { ErrorCode, errorCodeOfStatus, HEADERS, type ApiErrorBody } from '@fasto/contracts';
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

/** `error` repeats the human reason: n8n's HTTP node shows `error` first and `message` only in the raw details. */
function build(status: number, message: string, details?: unknown, code: ErrorCode = errorCodeOfStatus(status)): ErrorResponse {
  const body: ApiErrorBody = { statusCode: status, code, error: message, message };
  if (details !== undefined) body.details = details;
  return { status, body, unexpected: status >= 500 };
}

const malformedJson = (status: number) => build(status, 'Malformed JSON body', undefined, ErrorCode.MalformedJson);

function fromHttpException(exception: HttpException): ErrorResponse {
  const status = exception.getStatus();
  const response = exception.getResponse();
  // Nest re-throws Fastify's JSON parse failure as a plain 400 carrying only Fastify's wording.
  if (status === 400 && typeof response === 'string' && response.includes('not valid JSON')) return malformedJson(status);
  if (typeof response === 'string') return build(status, response);
  const { message, details, code } = response as { message?: unknown; details?: unknown; code?: ErrorCode };
  // Nest's built-ins put a list of messages in `message`; keep the first as the headline.
  if (Array.isArray(message)) return build(status, String(message[0] ?? reasonPhrase(status)), details ?? message, code);
  return build(status, typeof message === 'string' ? message : exception.message, details, code);
}

/** Errors raised by Fastify itself (body too large, malformed JSON, wrong content type…). */
function fromFrameworkError(error: { statusCode: number; message?: string; code?: string }): ErrorResponse {
  const status = error.statusCode;
  const messages: Record<string, string> = {
    FST_ERR_CTP_BODY_TOO_LARGE: 'Request body is too large',
    FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Unsupported content type',
    FST_ERR_CTP_EMPTY_JSON_BODY: 'Body cannot be empty when content-type is application/json',
    FST_ERR_MAX_PARAM_LENGTH: 'A path parameter is too long',
    FST_ERR_BAD_URL: 'Malformed URL',
  };
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (status === 400 && !!error.message?.includes('JSON'))) return malformedJson(status);
  return build(status, (error.code && messages[error.code]) ?? reasonPhrase(status));
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
