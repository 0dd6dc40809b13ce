import { Global, Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { HttpLogger } from 'pino-http';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { buildLoggerParams, createHttpLogger } from './logger-options';
import { HTTP_LOGGER } from './request-logging';

/** Structured JSON logs (pino), one line per request with its id, secrets redacted. */
@Global()
@Module({})
export class AppLoggerModule {
  /** `stream` replaces stdout; tests pass one to read what would be logged. */
  static forRoot(stream?: DestinationStream): DynamicModule {
    const httpLogger = { provide: HTTP_LOGGER, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createHttpLogger(config, stream) };
    return {
      module: AppLoggerModule,
      providers: [httpLogger],
      exports: [httpLogger],
      imports: [LoggerModule.forRootAsync({ inject: [HTTP_LOGGER], useFactory: (logger: HttpLogger) => buildLoggerParams(logger) })],
    };
  }
}
