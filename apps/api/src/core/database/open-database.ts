import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { buildDataSourceOptions } from './data-source-options';

/** The database outside the API (the CLI): the same options, opened once, closed by the caller. */
export function openDatabase(config: AppConfig, entities: Parameters<typeof buildDataSourceOptions>[1]): Promise<DataSource> {
  return new DataSource(buildDataSourceOptions(config, entities)).initialize();
}
