import { Injectable } from '@nestjs/common';
import { RateLimitRepository } from './rate-limit.repository';
import { latestGrantable, RateLimitStore, stateOf, type Budget, type BucketReset, type BudgetState } from './rate-limit.store';

/** The token buckets in `rate_limit_counters`, shared by every instance on the database. */
@Injectable()
export class DatabaseRateLimitStore extends RateLimitStore {
  constructor(private readonly counters: RateLimitRepository) {
    super();
  }

  /** Read in one statement. */
  async peekAll(budgets: Budget[], now = Date.now()): Promise<BudgetState[]> {
    const found = await this.counters.counters(budgets.map((budget) => budget.bucket));
    return budgets.map((budget) => stateOf(budget, found.get(budget.bucket)?.refilledAtMs ?? 0, now));
  }

  /** All in one round trip (see RateLimitRepository.take). */
  async takeAll(budgets: Budget[], now = Date.now()): Promise<BudgetState[]> {
    const taken = await this.counters.take(budgets.map((budget) => ({ bucket: budget.bucket, now, refillMs: budget.refillMs, limit: latestGrantable(budget, now) })));
    return budgets.map((budget, index) => stateOf(budget, taken[index].refilledAtMs, now, taken[index].granted));
  }

  /** A DELETE sent along with the caller's writes. */
  resetting(bucket: string): BucketReset {
    return { statements: [this.counters.resetStatement(bucket)], afterCommit: () => Promise.resolve() };
  }
}
