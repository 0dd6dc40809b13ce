import { API_PREFIX } from '@fasto/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Serves the Angular `index.html` for client-side routes so deep links survive a reload. */
export class SpaFallback {
  private readonly indexHtml: Buffer;

  constructor(webDistDir: string) {
    this.indexHtml = readFileSync(join(webDistDir, 'index.html'));
  }

  /** Only page navigations outside `/api` get the app; API clients keep their JSON 404. */
  accepts(request: FastifyRequest): boolean {
    const path = request.url.split('?')[0];
    return (
      (request.method === 'GET' || request.method === 'HEAD') &&
      path !== `/${API_PREFIX}` &&
      !path.startsWith(`/${API_PREFIX}/`) &&
      (request.headers.accept ?? '').includes('text/html')
    );
  }

  send(reply: FastifyReply): void {
    void reply.status(200).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(this.indexHtml);
  }
}
