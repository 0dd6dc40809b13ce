import { HEADERS } from '@fasto/contracts';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../core/auth/principal';
import { InjectConfig } from '../../core/config/config.module';
import type { AppConfig } from '../../core/config/app-config';
import { TooManyRequestsException } from '../../core/errors/too-many-requests.exception';
import { RateLimitStore } from '../../core/rate-limit/rate-limit.store';

const WINDOW_MS = 60_000;

/**
 * Per-key and per-tenant budgets for the integration API, counted in the database so that every
 * instance shares them. One tenant's burst never spends another tenant's budget.
 */
@Injectable()
export class IntegrationRateLimitGuard implements CanActivate {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly store: RateLimitStore,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const principal = http.getRequest<AuthenticatedRequest>().principal;
    if (principal?.kind !== 'api_key') return true;
    const now = Date.now();
    const { perKeyPerMinute, perTenantPerMinute } = this.config.integrationRateLimit;
    const [key, tenant] = await this.store.hitAll([`api:key:${principal.apiKeyId}`, `api:tenant:${principal.tenantId}`], WINDOW_MS, now);

    const remaining = Math.max(0, Math.min(perKeyPerMinute - key.hits, perTenantPerMinute - tenant.hits));
    const limited = key.hits > perKeyPerMinute ? key : tenant.hits > perTenantPerMinute ? tenant : null;
    const resetSeconds = Math.max(1, Math.ceil(((limited ?? key).resetAtMs - now) / 1000));
    void http
      .getResponse<FastifyReply>()
      .header(HEADERS.rateLimitLimit, String(perKeyPerMinute))
      .header(HEADERS.rateLimitRemaining, String(remaining))
      .header(HEADERS.rateLimitReset, String(resetSeconds));
    if (limited) {
      throw new TooManyRequestsException(
        `Rate limit of ${limited === key ? `${perKeyPerMinute} requests per minute for this key` : `${perTenantPerMinute} requests per minute for this organization`} exceeded; retry in ${resetSeconds} s`,
        resetSeconds,
      );
    }
    return true;
  }
}
