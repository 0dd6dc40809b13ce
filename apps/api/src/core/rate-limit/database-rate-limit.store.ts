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

  /**
   * In order, one round trip per bucket while they grant: the first refusal gives the tokens
   * already taken back and peeks the rest. A row-spanning atomic take would need locks on every
   * request; the give-back only lets a concurrent caller see one token fewer for a moment.
   */
  async takeTogether(budgets: Budget[], now = Date.now()): Promise<BudgetState[]> {
    const taken: BudgetState[] = [];
    for (const budget of budgets) {
      const [state] = await this.takeAll([budget], now);
      if (state.granted) {
        taken.push(state);
        continue;
      }
      const before = budgets.slice(0, taken.length);
      if (before.length) await this.counters.giveBack(before);
      const after = budgets.slice(taken.length + 1);
      const rest = after.length ? await this.peekAll(after, now) : [];
      return [...before.map((given, index) => stateOf(given, taken[index].fullAtMs - given.refillMs, now, true)), state, ...rest];
    }
    return taken;
  }

  /** A DELETE sent along with the caller's writes. */
  resetting(bucket: string): BucketReset {
    return { statements: [this.counters.resetStatement(bucket)], afterCommit: () => Promise.resolve() };
  }
}
