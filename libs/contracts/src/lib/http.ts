/** Header names shared by the API, the web client and n8n. Lower case, as Node delivers them. */
export const HEADERS = {
  requestId: 'x-request-id',
  apiKey: 'x-api-key',
  /** A TV link's token (`fstv_…`): opens the TV board and its ticker only, never read from the query string. */
  tvToken: 'x-fasto-tv-token',
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
