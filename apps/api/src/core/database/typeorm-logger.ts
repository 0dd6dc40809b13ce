import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { isUniqueViolation } from './unique-violation';

/**
 * Sends TypeORM's own complaints to the structured log. Query parameters are never logged:
 * they carry password and token hashes, emails and customer data.
 */
export class StructuredTypeOrmLogger implements TypeOrmLogger {
  private readonly logger = new NestLogger('Database');

  logQuery(): void {
    // Successful queries are not logged: far too many, and the request log already times them.
  }

  logQueryError(error: string | Error, query: string): void {
    // The driver's error carries the SQL with its values inlined (`sql`): keep only what identifies it.
    const { code, errno, message } = (typeof error === 'string' ? { message: error } : error) as { code?: string; errno?: number; message: string };
    const details = { code, errno, query };
    // Unique violations are how idempotent writes learn a row exists: expected, not an error.
    if (isUniqueViolation(error)) this.logger.debug(details, 'Query hit a unique key');
    else this.logger.error({ ...details, reason: message.slice(0, 200) }, 'Query failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ durationMs: time, query }, 'Slow query');
  }

  logSchemaBuild(message: string): void {
    this.logger.log(message);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.log(String(message));
  }
}
