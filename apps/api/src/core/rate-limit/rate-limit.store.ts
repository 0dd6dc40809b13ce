import type { Statement } from '../database/insert-statement';

/** A token bucket: `capacity` events at once, then one more each time `refillMs` has passed. */
export interface Budget {
  bucket: string;
  capacity: number;
  refillMs: number;
}

export interface BudgetState {
  /** Whether the event got a token (for a peek: whether it would). */
  granted: boolean;
  /** Tokens left once this event is counted. */
  remaining: number;
  /** How long to wait before the next event can get a token (0 while tokens are left). */
  retryAfterMs: number;
  /** When every token is back (epoch ms). */
  fullAtMs: number;
}

/** How a bucket is forgotten: statements to send along with the caller's own writes, then a step once they committed. */
export interface BucketReset {
  statements: Statement[];
  afterCommit(): Promise<void>;
}

/**
 * Token buckets shared by all instances, kept as one timestamp per bucket: the moment its tokens
 * are all back (the "theoretical arrival time" of the generic cell rate algorithm). An event takes
 * a token when that moment, plus one refill, is at most one full bucket ahead of now; so the bucket
 * refills smoothly and a refused caller learns the exact wait. Kept in the database
 * (DatabaseRateLimitStore), or in Redis when REDIS_URL is set (RedisRateLimitStore): the module
 * picks one at creation, and callers inject this class.
 */
export abstract class RateLimitStore {
  /** What these budgets would answer to one more event, without taking anything. */
  abstract peekAll(budgets: Budget[], now?: number): Promise<BudgetState[]>;

  /** Takes a token from each bucket that has one, atomically per bucket; each answer is the bucket's own. */
  abstract takeAll(budgets: Budget[], now?: number): Promise<BudgetState[]>;

  /**
   * Takes a token from every bucket, or from none when one of them has none left: a caller refused
   * by its own budget (an API key) spends nothing of the shared one (its tenant's). Each answer is
   * still the bucket's own (`granted`: it had a token); when one is refused, the others' answers
   * tell their tokens as they stand, none taken.
   */
  abstract takeTogether(budgets: Budget[], now?: number): Promise<BudgetState[]>;

  /** What forgets the bucket (all its tokens back). */
  abstract resetting(bucket: string): BucketReset;

  /** Takes a token from the bucket when one is left. */
  async take(budget: Budget, now = Date.now()): Promise<BudgetState> {
    return (await this.takeAll([budget], now))[0];
  }
}

/** The bucket as of `now` once its full-again moment is `refilled`; `granted` defaults to "a token is left". */
export function stateOf({ capacity, refillMs }: Budget, refilled: number, now: number, wasGranted?: boolean): BudgetState {
  const owed = Math.max(0, refilled - now);
  const remaining = Math.max(0, Math.floor((capacity * refillMs - owed) / refillMs));
  const wait = Math.max(0, refilled + refillMs - capacity * refillMs - now);
  return { granted: wasGranted ?? wait === 0, remaining, retryAfterMs: wait, fullAtMs: Math.max(refilled, now) };
}

/** The latest full-again moment that still grants a token: now + capacity × refill. */
export const latestGrantable = ({ capacity, refillMs }: Budget, now: number): number => now + capacity * refillMs;
