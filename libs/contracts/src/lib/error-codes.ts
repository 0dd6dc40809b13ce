/**
 * Stable machine codes of the error body's `code` field. Programs (the web app, n8n workflows)
 * branch on these; the human wording in `error`/`message` may change, a code never does.
 */
export const ErrorCode = {
  // One per HTTP status, for errors without a more specific code.
  BadRequest: 'BAD_REQUEST',
  Unauthorized: 'UNAUTHORIZED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  MethodNotAllowed: 'METHOD_NOT_ALLOWED',
  RequestTimeout: 'REQUEST_TIMEOUT',
  Conflict: 'CONFLICT',
  Gone: 'GONE',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  UnprocessableEntity: 'UNPROCESSABLE_ENTITY',
  HeadersTooLarge: 'HEADERS_TOO_LARGE',
  TooManyRequests: 'TOO_MANY_REQUESTS',
  InternalError: 'INTERNAL_ERROR',
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
  // Request shape.
  ValidationFailed: 'VALIDATION_FAILED',
  MalformedJson: 'MALFORMED_JSON',
  JsonTooDeep: 'JSON_TOO_DEEP',
  InvalidCursor: 'INVALID_CURSOR',
  // Sign-in and sessions.
  InvalidCredentials: 'INVALID_CREDENTIALS',
  InvalidAccessToken: 'INVALID_ACCESS_TOKEN',
  SessionRevoked: 'SESSION_REVOKED',
  NoSession: 'NO_SESSION',
  InvalidApiKey: 'INVALID_API_KEY',
  /** The TV link's token is unknown or was revoked. */
  InvalidTvToken: 'INVALID_TV_TOKEN',
  InvalidResetLink: 'INVALID_RESET_LINK',
  InvalidInvitation: 'INVALID_INVITATION',
  TenantInactive: 'TENANT_INACTIVE',
  NotAllowedWhileImpersonating: 'NOT_ALLOWED_WHILE_IMPERSONATING',
  // Organization rules.
  EmailTaken: 'EMAIL_TAKEN',
  /** The address is held outside the caller's tenant; deliberately says no more. */
  EmailUnavailable: 'EMAIL_UNAVAILABLE',
  NameTaken: 'NAME_TAKEN',
  SlugTaken: 'SLUG_TAKEN',
  LastAdmin: 'LAST_ADMIN',
  // Outbound webhooks.
  /** The webhook URL is not http(s), or points at a private, loopback, link-local or metadata address. */
  WebhookUrlRefused: 'WEBHOOK_URL_REFUSED',
  // Goals.
  /** The scope already has a goal for this metric and period (one per scope, metric and period). */
  GoalExists: 'GOAL_EXISTS',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const BY_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.BadRequest,
  401: ErrorCode.Unauthorized,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  405: ErrorCode.MethodNotAllowed,
  408: ErrorCode.RequestTimeout,
  409: ErrorCode.Conflict,
  410: ErrorCode.Gone,
  413: ErrorCode.PayloadTooLarge,
  415: ErrorCode.UnsupportedMediaType,
  422: ErrorCode.UnprocessableEntity,
  429: ErrorCode.TooManyRequests,
  431: ErrorCode.HeadersTooLarge,
  503: ErrorCode.ServiceUnavailable,
};

/** The generic code of a status, for an error thrown without a specific one. */
export const errorCodeOfStatus = (status: number): ErrorCode => BY_STATUS[status] ?? (status >= 500 ? ErrorCode.InternalError : ErrorCode.BadRequest);
