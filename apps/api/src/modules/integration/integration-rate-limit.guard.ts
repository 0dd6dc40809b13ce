import { HEADERS } from '@fasto/contracts';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../core/auth/principal';
import { InjectConfig } from '../../core/config/config.module';
import type { AppConfig } from '../../core/config/app-config';
import { TooManyRequestsException } from '../../core/errors/too-many-requests.exception';
import { RateLimitStore, type Budget } from '../../core/rate-limit/rate-limit.store';

const MINUTE_MS = 60_000;

/** A per-minute limit as a token bucket: a minute's worth at once, then one more every 1/limit of a minute. */
const perMinute = (bucket: string, limit: number): Budget => ({ bucket, capacity: limit, refillMs: Math.ceil(MINUTE_MS / limit) });

/**
 * Per-key and per-tenant budgets for the integration API, counted in the database so that every
 * instance shares them. One tenant's burst never spends another tenant's budget, and a request
 * refused by either budget spends neither (a key over its own limit leaves its tenant's other keys
 * their share; QUALITY.md, security). The buckets
 * refill smoothly, so `Retry-After` is the wait for the next token (100 ms at 600 per minute,
 * rounded up to a second), not the end of a minute.
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
    const [key, tenant] = await this.store.takeTogether(
      [perMinute(`api:key:${principal.apiKeyId}`, perKeyPerMinute), perMinute(`api:tenant:${principal.tenantId}`, perTenantPerMinute)],
      now,
    );

    const limited = !key.granted ? key : !tenant.granted ? tenant : null;
    const resetSeconds = Math.ceil((Math.max(key.fullAtMs, tenant.fullAtMs) - now) / 1000);
    void http
      .getResponse<FastifyReply>()
      .header(HEADERS.rateLimitLimit, String(perKeyPerMinute))
      .header(HEADERS.rateLimitRemaining, String(Math.min(key.remaining, tenant.remaining)))
      .header(HEADERS.rateLimitReset, String(resetSeconds));
    if (limited) {
      const retrySeconds = Math.max(1, Math.ceil(limited.retryAfterMs / 1000));
      throw new TooManyRequestsException(
        `Rate limit of ${limited === key ? `${perKeyPerMinute} requests per minute for this key` : `${perTenantPerMinute} requests per minute for this organization`} exceeded; retry in ${retrySeconds} s`,
        retrySeconds,
      );
    }
    return true;
  }
}
