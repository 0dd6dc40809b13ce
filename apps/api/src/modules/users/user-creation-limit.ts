import { Injectable } from '@nestjs/common';
import type { UserPrincipal } from '../../core/auth/principal';
import { InjectConfig } from '../../core/config/config.module';
import type { AppConfig } from '../../core/config/app-config';
import { TooManyRequestsException } from '../../core/errors/too-many-requests.exception';
import { RateLimitStore, type Budget } from '../../core/rate-limit/rate-limit.store';

const HOUR_MS = 3_600_000;

/** `limit` at once, then one more every hour / `limit`. */
const perHour = (bucket: string, limit: number): Budget => ({ bucket, capacity: limit, refillMs: Math.ceil(HOUR_MS / limit) });

/**
 * Caps member creation per admin and per tenant. Every attempt counts, refusals included: each
 * one tells whether an address is free, so the cap bounds how many an admin can probe.
 */
@Injectable()
export class UserCreationLimit {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly store: RateLimitStore,
  ) {}

  async spend(principal: UserPrincipal, now = Date.now()): Promise<void> {
    const { perAdminPerHour, perTenantPerHour } = this.config.userCreationLimit;
    const [admin, tenant] = await this.store.takeTogether(
      [perHour(`users:create:admin:${principal.userId}`, perAdminPerHour), perHour(`users:create:tenant:${principal.tenantId}`, perTenantPerHour)],
      now,
    );
    const limited = !admin.granted ? admin : !tenant.granted ? tenant : null;
    if (!limited) return;
    const seconds = Math.max(1, Math.ceil(limited.retryAfterMs / 1000));
    throw new TooManyRequestsException(`Too many new members at once; try again in ${seconds} seconds`, seconds);
  }
}
