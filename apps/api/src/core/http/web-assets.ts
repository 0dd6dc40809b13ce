import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AppConfig } from '../config/app-config';

/** Where the built Angular app is: WEB_DIST_DIR, else next to the API bundle, else the repo's dist. */
export function locateWebDist(config: Pick<AppConfig, 'webDistDir'>): string | null {
  const candidates = config.webDistDir ? [config.webDistDir] : [join(__dirname, '..', 'web', 'browser'), resolve(process.cwd(), 'dist/apps/web/browser')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

/** Angular's file names carry a content hash, so they may be cached for good; index.html never. */
const HASHED_ASSET = /[.-][A-Z0-9]{8,}\.(js|css|woff2?|png|svg|jpg)$/i;

export async function serveWebAssets(app: NestFastifyApplication, webDistDir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: webDistDir,
    prefix: '/',
    index: ['index.html'],
    wildcard: true,
    setHeaders: (reply, path) => {
      reply.header('cache-control', HASHED_ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}
