import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import { ReadReplicas } from '../database/read-replicas';
import { Public } from '../decorators/public.decorator';
import { RedisConnections } from '../redis/redis-connections';
import { ShutdownState } from './shutdown-state';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly shutdown: ShutdownState,
    private readonly redis: RedisConnections,
    private readonly replicas: ReadReplicas,
  ) {}

  /** Liveness: the process answers. Deliberately touches nothing else. */
  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness probe' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Readiness: the database answers within a second and we are not shutting down. Redis, when
   * configured, is reported (`redis` in `info` when up, in `error` when down) but never fails
   * readiness: every instance shares it, so failing would take them all out of the load balancer
   * at once, while each one keeps serving without it (docs/architecture.md, "Redis"). Read
   * replicas are listed (`readReplicas`: each `in_use` or `skipped`, with its lag and why), never
   * a reason to be unready either: while one is skipped the primary takes its reads.
   */
  @Get('ready')
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness probe (database), 503 when not ready' })
  async ready(): Promise<HealthCheckResult> {
    if (this.shutdown.isShuttingDown) {
      throw new ServiceUnavailableException({ message: 'Not ready: shutting down', details: { status: 'shutting_down' } });
    }
    try {
      const replicas = () => ({ readReplicas: { status: 'up' as const, replicas: this.replicas.statuses() } });
      return await this.withRedis(
        await this.health.check([() => this.database.pingCheck('database', { timeout: 1000 }), ...(this.replicas.configured ? [replicas] : [])]),
      );
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      throw new ServiceUnavailableException({ message: 'Not ready: the database is unreachable', details: error.getResponse() });
    }
  }

  private async withRedis(result: HealthCheckResult): Promise<HealthCheckResult> {
    if (!this.redis.configured) return result;
    try {
      await this.redis.ping();
      const redis = { status: 'up' as const };
      return { ...result, info: { ...result.info, redis }, details: { ...result.details, redis } };
    } catch {
      const redis = { status: 'down' as const, message: 'Redis is unreachable: limits use the database, other instances are told through sweeps and cache expiry' };
      return { ...result, error: { ...result.error, redis }, details: { ...result.details, redis } };
    }
  }
}
