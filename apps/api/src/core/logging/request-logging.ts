import type { FastifyInstance } from 'fastify';
import { storage, Store } from 'nestjs-pino/storage';
import type { HttpLogger } from 'pino-http';
import { QUIET_PATHS } from './logger-options';

export const HTTP_LOGGER = Symbol('HTTP_LOGGER');

/**
 * One log line per request, and the request's child logger bound for everything logged while
 * handling it (nestjs-pino reads it from its AsyncLocalStorage). A plain onRequest hook does what
 * nestjs-pino's middleware did, without routing every request through @fastify/middie.
 */
export function registerRequestLogging(fastify: FastifyInstance, httpLogger: HttpLogger): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    if (QUIET_PATHS.has(request.routeOptions.url ?? '')) return done();
    (request.raw as { id?: string }).id = request.id;
    httpLogger(request.raw, reply.raw);
    storage.run(new Store((request.raw as unknown as { log: Store['logger'] }).log), done);
  });
}
