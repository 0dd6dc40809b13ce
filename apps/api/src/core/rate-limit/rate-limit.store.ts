import { Injectable } from '@nestjs/common';
import type { Statement } from '../database/insert-statement';
import { RateLimitRepository } from './rate-limit.repository';

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

/**
 * Token buckets shared by all instances through the database, kept as one timestamp per bucket:
 * the moment its tokens are all back (the "theoretical arrival time" of the generic cell rate
 * algorithm). An event takes a token when that moment, plus one refill, is at most one full
 * bucket ahead of now; so the bucket refills smoothly and a refused caller learns the exact wait.
 */
@Injectable()
export class RateLimitStore {
  constructor(private readonly counters: RateLimitRepository) {}

  /** What these budgets would answer to one more event, read in one statement, without taking anything. */
  async peekAll(budgets: Budget[], now = Date.now()): Promise<BudgetState[]> {
    const found = await this.counters.counters(budgets.map((budget) => budget.bucket));
    return budgets.map((budget) => stateOf(budget, found.get(budget.bucket)?.refilledAtMs ?? 0, now));
  }

  /** Takes a token from the bucket when one is left. */
  async take(budget: Budget, now = Date.now()): Promise<BudgetState> {
    return (await this.takeAll([budget], now))[0];
  }

  /** Takes a token from each bucket that has one, all in one round trip; each answer is the bucket's own (see RateLimitRepository.take). */
  async takeAll(budgets: Budget[], now = Date.now()): Promise<BudgetState[]> {
    const taken = await this.counters.take(budgets.map(({ bucket, capacity, refillMs }) => ({ bucket, now, refillMs, limit: now + capacity * refillMs })));
    return budgets.map((budget, index) => stateOf(budget, taken[index].refilledAtMs, now, taken[index].granted));
  }

  /** What forgets the bucket (all its tokens back), to send along with other writes. */
  resetStatement(bucket: string): Statement {
    return this.counters.resetStatement(bucket);
  }
}

/** The bucket as of `now` once its full-again moment is `refilled`; `granted` defaults to "a token is left". */
function stateOf({ capacity, refillMs }: Budget, refilled: number, now: number, wasGranted?: boolean): BudgetState {
  const owed = Math.max(0, refilled - now);
  const remaining = Math.max(0, Math.floor((capacity * refillMs - owed) / refillMs));
  const wait = Math.max(0, refilled + refillMs - capacity * refillMs - now);
  return { granted: wasGranted ?? wait === 0, remaining, retryAfterMs: wait, fullAtMs: Math.max(refilled, now) };
}
