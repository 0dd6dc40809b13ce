import { HEADERS } from '@fasto/contracts';
import { RequestMethod } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Params } from 'nestjs-pino';
import type { Options } from 'pino-http';
import type { DestinationStream } from 'pino';
import type { AppConfig } from '../config/app-config';

/** Anything that could let a reader of the logs act as someone else never reaches them. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  `req.headers["${HEADERS.apiKey}"]`,
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

/** Liveness probes hit every few seconds; logging each would bury the useful lines. */
const QUIET_PATHS = new Set(['/api/health']);

export function buildLoggerParams(config: Pick<AppConfig, 'logLevel'>, stream?: DestinationStream): Params {
  const options: Options = {
    level: config.logLevel,
    redact: { paths: REDACTED_PATHS, censor: '[Redacted]' },
    genReqId: requestIdFor,
    // Behind Nest's middleware mount `req.url` is relative; `originalUrl` is the real path.
    autoLogging: { ignore: (req) => QUIET_PATHS.has(((req as { originalUrl?: string }).originalUrl ?? req.url ?? '').split('?')[0]) },
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
  return {
    pinoHttp: stream ? [options, stream] : options,
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
  };
}
