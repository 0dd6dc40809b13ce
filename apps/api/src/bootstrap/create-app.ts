import fastifyCookie from '@fastify/cookie';
import { API_PREFIX } from '@fasto/contracts';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppModule } from '../app.module';
import type { AppConfig } from '../core/config/app-config';
import { AllExceptionsFilter } from '../core/errors/all-exceptions.filter';
import { createValidationPipe } from '../core/errors/validation.pipe';
import { createFastifyAdapter, exposeRequestId } from '../core/http/fastify-adapter';
import { registerJsonBodyParser } from '../core/http/json-body-parser';
import { setupOpenApi } from '../core/http/openapi';
import { applyCors, applySecurityHeaders } from '../core/http/security-headers';
import { SpaFallback } from '../core/http/spa-fallback';
import { locateWebDist, serveWebAssets } from '../core/http/web-assets';
import { HTTP_LOGGER, registerRequestLogging } from '../core/logging/request-logging';
import { ImpersonationAuditHook } from '../modules/audit/impersonation-audit.hook';

export interface CreateAppOptions {
  /** Where logs go instead of stdout (tests read them). */
  logStream?: DestinationStream;
}

/**
 * Builds the whole HTTP application (pipeline, modules, docs, web app) without listening,
 * so `main.ts` and the e2e tests run exactly the same stack.
 */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options.logStream), createFastifyAdapter(config), {
    bufferLogs: true,
    abortOnError: false,
    // JSON is parsed by our own depth-checking parser (registered below); the API takes no form bodies.
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.flushLogs();

  exposeRequestId(app);
  registerJsonBodyParser(app.getHttpAdapter().getInstance());
  registerRequestLogging(app.getHttpAdapter().getInstance(), app.get(HTTP_LOGGER));
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  const webDist = locateWebDist(config);
  app.useGlobalFilters(new AllExceptionsFilter(webDist ? new SpaFallback(webDist) : null));

  await app.register(fastifyCookie);
  applySecurityHeaders(app, config);
  applyCors(app, config);
  app.get(ImpersonationAuditHook).register(app.getHttpAdapter().getInstance());
  if (webDist) await serveWebAssets(app, webDist);
  setupOpenApi(app, config.publicUrl);

  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
