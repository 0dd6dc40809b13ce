import { Injectable } from '@nestjs/common';
import { InjectConfig } from '../../../core/config/config.module';
import type { AppConfig } from '../../../core/config/app-config';
import { RateLimitStore, type Budget, type BucketReset } from '../../../core/rate-limit/rate-limit.store';

import { TooManyRequestsException } from '../../../core/errors/too-many-requests.exception';

/**
 * Counts failed sign-ins per account and per client IP in token buckets: up to the limit in a
 * row, then one more attempt each time the window has passed. With either bucket empty every
 * attempt (even with the right password) is refused, and `Retry-After` says when one is back.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly store: RateLimitStore,
  ) {}

  private budgets(email: string, ip: string | null): { account: Budget; ip: Budget } {
    const { windowMs, maxFailuresPerAccount, maxFailuresPerIp } = this.config.loginThrottle;
    return {
      account: { bucket: `login:account:${email}`, capacity: maxFailuresPerAccount, refillMs: windowMs },
      ip: { bucket: `login:ip:${ip ?? 'unknown'}`, capacity: maxFailuresPerIp, refillMs: windowMs },
    };
  }

  /** Throws 429 (with the seconds to wait) when either bucket is empty. */
  async assertAllowed(email: string, ip: string | null, now = Date.now()): Promise<void> {
    const budgets = this.budgets(email, ip);
    const [account, byIp] = await this.store.peekAll([budgets.account, budgets.ip], now);
    const waitMs = Math.max(account.retryAfterMs, byIp.retryAfterMs);
    if (waitMs > 0) {
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      throw new TooManyRequestsException(`Too many failed sign-in attempts. Try again in ${seconds} seconds.`, seconds);
    }
  }

  async recordFailure(email: string, ip: string | null, now = Date.now()): Promise<void> {
    const budgets = this.budgets(email, ip);
    await this.store.takeAll([budgets.account, budgets.ip], now);
  }

  /** A successful sign-in clears the account's failures (the IP's stay: it may be guessing others). */
  successReset(email: string, ip: string | null): BucketReset {
    return this.store.resetting(this.budgets(email, ip).account.bucket);
  }
}
