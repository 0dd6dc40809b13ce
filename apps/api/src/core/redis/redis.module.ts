import { Global, Module } from '@nestjs/common';
import { ClusterBus } from './cluster-bus';
import { RedisConnections } from './redis-connections';

/** Redis when REDIS_URL is set (connections, the cluster bus); without it the bus stays inside this process. */
@Global()
@Module({ providers: [RedisConnections, ClusterBus], exports: [RedisConnections, ClusterBus] })
export class RedisModule {}
