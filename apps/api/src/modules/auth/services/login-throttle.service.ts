import { Injectable } from '@nestjs/common';
import type { Statement } from '../../../core/database/one-round-trip';
import { InjectConfig } from '../../../core/config/config.module';
import type { AppConfig } from '../../../core/config/app-config';
import { RateLimitStore } from '../../../core/rate-limit/rate-limit.store';

import { TooManyRequestsException } from '../../../core/errors/too-many-requests.exception';

/**
 * Counts failed sign-ins per account and per client IP. Past either limit every attempt
 * (even with the right password) is refused until the window ends.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly store: RateLimitStore,
  ) {}

  private buckets(email: string, ip: string | null) {
    return { account: `login:account:${email}`, ip: `login:ip:${ip ?? 'unknown'}` };
  }

  /** Throws 429 (with the seconds to wait) when either counter is exhausted. */
  async assertAllowed(email: string, ip: string | null, now = Date.now()): Promise<void> {
    const { windowMs, maxFailuresPerAccount, maxFailuresPerIp } = this.config.loginThrottle;
    const buckets = this.buckets(email, ip);
    const [account, byIp] = await this.store.peekAll([buckets.account, buckets.ip], windowMs, now);
    const blockedUntil = Math.max(account.hits >= maxFailuresPerAccount ? account.resetAtMs : 0, byIp.hits >= maxFailuresPerIp ? byIp.resetAtMs : 0);
    if (blockedUntil > now) {
      const seconds = Math.max(1, Math.ceil((blockedUntil - now) / 1000));
      throw new TooManyRequestsException(`Too many failed sign-in attempts. Try again in ${seconds} seconds.`, seconds);
    }
  }

  async recordFailure(email: string, ip: string | null, now = Date.now()): Promise<void> {
    const buckets = this.buckets(email, ip);
    await this.store.hit(buckets.account, this.config.loginThrottle.windowMs, now);
    await this.store.hit(buckets.ip, this.config.loginThrottle.windowMs, now);
  }

  /** A successful sign-in clears the account's failures (the IP's stay: it may be guessing others). */
  successStatement(email: string, ip: string | null): Statement {
    return this.store.resetStatement(this.buckets(email, ip).account);
  }
}
