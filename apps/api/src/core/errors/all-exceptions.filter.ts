import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toErrorResponse } from './error-response';
import type { SpaFallback } from '../http/spa-fallback';

/** The single place where an exception becomes an HTTP answer. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  constructor(private readonly spa: SpaFallback | null) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { status, body, unexpected, headers } = toErrorResponse(exception);

    // Deep links of the Angular app (/dashboard, /teams/…) are not API routes: hand back index.html.
    if (status === 404 && this.spa?.accepts(request)) {
      this.spa.send(reply);
      return;
    }
    if (unexpected) {
      this.logger.error({ err: exception, path: request.url }, 'Request failed');
    }
    if (reply.sent) return;
    if (headers) void reply.headers(headers);
    void reply.status(status).header('cache-control', 'no-store').send(body);
  }
}
