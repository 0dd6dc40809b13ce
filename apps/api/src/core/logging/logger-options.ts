import { HEADERS } from '@fasto/contracts';
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Params } from 'nestjs-pino';
import { pinoHttp, type HttpLogger, type Options } from 'pino-http';
import type { DestinationStream } from 'pino';
import type { AppConfig } from '../config/app-config';

/** Anything that could let a reader of the logs act as someone else never reaches them. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  `req.headers["${HEADERS.apiKey}"]`,
  `req.headers["${HEADERS.tvToken}"]`,
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.passwordHash',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.apiKey',
  '*.key',
  '*.secret',
];

/** A caller-supplied request id is kept only when it is short and plain, so it cannot forge log lines. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Fastify assigns the id (see fastify-adapter.ts); the request log line and the response carry it. */
export function requestIdFor(req: IncomingMessage): string {
  const incoming = req.headers[HEADERS.requestId];
  return typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** Liveness probes and the unread-count poll of every open tab hit every few seconds; logging each would bury the useful lines. */
export const QUIET_PATHS = new Set(['/api/health', '/api/notifications/unread-count']);

/** pino-http with our redaction, ids and levels: one line per request. */
export function createHttpLogger(config: Pick<AppConfig, 'logLevel'>, stream?: DestinationStream): HttpLogger {
  const options: Options = {
    level: config.logLevel,
    redact: { paths: REDACTED_PATHS, censor: '[Redacted]' },
    // Fastify already gave the request its id (copied onto the raw request by the request-logging hook).
    genReqId: (req) => (req as { id?: string }).id ?? requestIdFor(req),
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    serializers: {
      req: (req: { id: string; method: string; url: string; headers: Record<string, unknown> }) => ({
        id: req.id,
        method: req.method,
        url: req.url,
        headers: req.headers,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
  return stream ? pinoHttp(options, stream) : pinoHttp(options);
}

/**
 * nestjs-pino gets the root logger only: requests are bound by a Fastify hook (request-logging.ts)
 * instead of its Nest middleware, which pulled every request through @fastify/middie.
 */
export function buildLoggerParams(httpLogger: HttpLogger): Params {
  return { pinoHttp: { logger: httpLogger.logger }, useExisting: true, forRoutes: [] };
}
