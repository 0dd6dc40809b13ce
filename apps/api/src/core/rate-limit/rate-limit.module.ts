import { Global, Module } from '@nestjs/common';
import { RedisConnections } from '../redis/redis-connections';
import { DatabaseRateLimitStore } from './database-rate-limit.store';
import { RateLimitRepository } from './rate-limit.repository';
import { RateLimitStore } from './rate-limit.store';
import { RedisRateLimitStore } from './redis-rate-limit.store';

/** The buckets live in Redis when REDIS_URL is set (the database store stays as its fallback), else in the database. */
@Global()
@Module({
  providers: [
    RateLimitRepository,
    DatabaseRateLimitStore,
    {
      provide: RateLimitStore,
      inject: [RedisConnections, DatabaseRateLimitStore],
      useFactory: (redis: RedisConnections, database: DatabaseRateLimitStore): RateLimitStore =>
        redis.configured ? new RedisRateLimitStore(redis, database) : database,
    },
  ],
  exports: [RateLimitStore],
})
export class RateLimitModule {}
