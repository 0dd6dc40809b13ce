import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { buildDataSourceOptions, type EntityList } from './data-source-options';
import { runMigrations } from './run-migrations';
import { serializeSqliteTransactions } from './sqlite-transactions';

/** Opens the database and brings its schema up to date before any other module starts. */
@Module({})
export class DatabaseModule {
  /** `entities`: the app's list (apps/api/src/entities.ts). */
  static forRoot(entities: EntityList): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => buildDataSourceOptions(config, entities),
          dataSourceFactory: async (options) => {
            if (!options) throw new Error('DatabaseModule: no data source options');
            const dataSource = await new DataSource(options).initialize();
            serializeSqliteTransactions(dataSource);
            await runMigrations(dataSource);
            return dataSource;
          },
        }),
      ],
    };
  }
}
