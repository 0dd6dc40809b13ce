import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { buildLoggerParams } from './logger-options';

/** Structured JSON logs (pino), one line per request with its id, secrets redacted. */
@Module({})
export class AppLoggerModule {
  /** `stream` replaces stdout; tests pass one to read what would be logged. */
  static forRoot(stream?: DestinationStream): DynamicModule {
    return {
      module: AppLoggerModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => buildLoggerParams(config, stream),
        }),
      ],
    };
  }
}
