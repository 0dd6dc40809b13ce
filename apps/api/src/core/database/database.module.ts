import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { buildDataSourceOptions, type EntityList } from './data-source-options';
import { ReadReplicas, Replica } from './read-replicas';
import { ReplicaReads } from './replica-reads';
import { runMigrations } from './run-migrations';
import { serializeSqliteTransactions } from './sqlite-transactions';

/**
 * Opens the database and brings its schema up to date before any other module starts; with
 * DATABASE_REPLICA_URLS, also its read replicas (`ReplicaReads`, global like the data source).
 */
@Module({})
export class DatabaseModule {
  /** `entities`: the app's list (apps/api/src/entities.ts). */
  static forRoot(entities: EntityList): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      providers: [
        {
          provide: ReadReplicas,
          inject: [APP_CONFIG],
          // The same options as the primary's (its driver settings included), on the replica's URL; no migrations run there.
          useFactory: (config: AppConfig) =>
            new ReadReplicas(
              config.databaseReplicaUrls.map((url) => new Replica(buildDataSourceOptions({ ...config, databaseUrl: url }, entities), url)),
              config.replicaMaxLagSeconds,
            ),
        },
        {
          provide: ReplicaReads,
          inject: [ReadReplicas, getDataSourceToken(), APP_CONFIG],
          useFactory: (replicas: ReadReplicas, primary: DataSource, config: AppConfig) => new ReplicaReads(replicas, primary, config.replicaMaxLagSeconds),
        },
      ],
      exports: [ReadReplicas, ReplicaReads],
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
