import { HEADERS } from '@fasto/contracts';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app-config';
import { toErrorResponse } from '../errors/error-response';
import { answerClientError } from './client-errors';
import { requestIdFor } from '../logging/logger-options';

/**
 * Fastify rather than Express: the framework overhead budget of QUALITY P1 needs it.
 * The body limit answers 413 before a byte reaches a controller; X-Forwarded-For is believed
 * only for the configured number of proxy hops.
 */
export function createFastifyAdapter(config: Pick<AppConfig, 'bodyLimitBytes' | 'trustProxyHops'>): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxyHops > 0 ? config.trustProxyHops : false,
    logger: false,
    // Reuse a caller's X-Request-Id when it is safe, so one id follows a request across services.
    requestIdHeader: false,
    genReqId: requestIdFor,
    // Graceful shutdown: stop accepting, let in-flight requests finish, close idle keep-alives.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    clientErrorHandler: answerClientError,
    // Router-level refusals (an over-long path parameter → 414, a malformed URL) get our error shape, not Fastify's.
    frameworkErrors: (error: Error, _request: FastifyRequest, reply: FastifyReply) => {
      const { status, body } = toErrorResponse(error);
      void reply.status(status).header('cache-control', 'no-store').send(body);
    },
  });
}

/** Echo the request id so a user's bug report can be matched to the log line. */
export function exposeRequestId(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      void reply.header(HEADERS.requestId, request.id);
      done();
    });
}
