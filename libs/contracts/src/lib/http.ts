/** Header names shared by the API, the web client and n8n. Lower case, as Node delivers them. */
export const HEADERS = {
  requestId: 'x-request-id',
  apiKey: 'x-api-key',
  rateLimitLimit: 'x-ratelimit-limit',
  rateLimitRemaining: 'x-ratelimit-remaining',
  rateLimitReset: 'x-ratelimit-reset',
  retryAfter: 'retry-after',
} as const;

/** Every route of the API lives under this prefix; everything else is the web app. */
export const API_PREFIX = 'api';

/** Largest page any list returns, whatever `limit` asks for. */
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;
