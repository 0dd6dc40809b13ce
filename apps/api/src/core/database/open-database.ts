import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { buildDataSourceOptions } from './data-source-options';

/**
 * The database outside the API (the CLI): the same options, opened once, closed by the caller.
 * Its statements are not bound (an operator's migration or restore takes as long as it takes).
 */
export function openDatabase(config: AppConfig, entities: Parameters<typeof buildDataSourceOptions>[1]): Promise<DataSource> {
  const unbounded = { ...config, databaseTimeouts: { ...config.databaseTimeouts, statementMs: 0 } };
  return new DataSource(buildDataSourceOptions(unbounded, entities)).initialize();
}
