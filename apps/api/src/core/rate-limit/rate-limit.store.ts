import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { commaList, inOneRoundTrip, type Statement } from '../database/one-round-trip';

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

interface CounterRow {
  bucket: string;
  refilled: number | string;
  granted: number | string | boolean;
}

/**
 * Token buckets shared by all instances through the database, kept as one timestamp per bucket:
 * the moment its tokens are all back (the "theoretical arrival time" of the generic cell rate
 * algorithm). An event takes a token when that moment, plus one refill, is at most one full
 * bucket ahead of now; so the bucket refills smoothly and a refused caller learns the exact wait.
 */
@Injectable()
export class RateLimitStore {
  private readonly mysql: boolean;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.mysql = dataSource.options.type === 'mysql';
  }

  /** What these budgets would answer to one more event, read in one statement, without taking anything. */
  async peekAll(budgets: Budget[], now = Date.now()): Promise<BudgetState[]> {
    const { sql, params } = countersOf(budgets);
    const found: CounterRow[] = await this.dataSource.query(sql, params);
    return budgets.map((budget) => stateOf(budget, refilledAt(found, budget.bucket), now));
  }

  /** Takes a token from the bucket when one is left. */
  async take(budget: Budget, now = Date.now()): Promise<BudgetState> {
    return (await this.takeAll([budget], now))[0];
  }

  /**
   * Takes a token from each bucket that has one: one atomic upsert per bucket, sent together in
   * one round trip outside any transaction (an ingest request stays one transaction). Each upsert
   * tells its own answer, so a concurrent take on another instance cannot blur it: SQLite through
   * RETURNING, MySQL through the statement's LAST_INSERT_ID (see `takeStatement`).
   */
  async takeAll(budgets: Budget[], now = Date.now()): Promise<BudgetState[]> {
    const results = await inOneRoundTrip<unknown[]>(
      this.dataSource.manager,
      budgets.map((budget) => this.takeStatement(budget, now)),
    );
    return budgets.map((budget, index) => {
      const taken = this.mysql ? mysqlAnswer(results[index] as { insertId: number }, budget, now) : (results[index] as CounterRow[])[0];
      return stateOf(budget, Number(taken.refilled), now, taken.granted === true || Number(taken.granted) === 1);
    });
  }

  /** What forgets the bucket (all its tokens back), to send along with other writes. */
  resetStatement(bucket: string): Statement {
    return { sql: 'DELETE FROM rate_limit_counters WHERE bucket = ?', params: [bucket] };
  }

  private takeStatement({ bucket, capacity, refillMs }: Budget, now: number): Statement {
    const limit = now + capacity * refillMs;
    // MySQL evaluates the assignments left to right, the second one seeing the new `granted`, and
    // reports LAST_INSERT_ID(expr) as the statement's insert id: the new moment and the answer,
    // packed as moment × 2 + granted (0 when the row was inserted: a first take, always granted).
    // SQLite evaluates every assignment against the old row, so it repeats the test.
    return this.mysql
      ? {
          sql: `INSERT INTO rate_limit_counters (bucket, refilled_at_ms, granted) VALUES (?, ?, 1)
                ON DUPLICATE KEY UPDATE granted = (GREATEST(refilled_at_ms, ?) + ? <= ?),
                  refilled_at_ms = LAST_INSERT_ID(IF(granted, GREATEST(refilled_at_ms, ?) + ?, refilled_at_ms) * 2 + granted) DIV 2`,
          params: [bucket, now + refillMs, now, refillMs, limit, now, refillMs],
        }
      : {
          sql: `INSERT INTO rate_limit_counters (bucket, refilled_at_ms, granted) VALUES (?, ?, 1)
                ON CONFLICT(bucket) DO UPDATE SET
                  granted = (MAX(refilled_at_ms, ?) + ? <= ?),
                  refilled_at_ms = CASE WHEN MAX(refilled_at_ms, ?) + ? <= ? THEN MAX(refilled_at_ms, ?) + ? ELSE refilled_at_ms END
                RETURNING bucket, refilled_at_ms AS refilled, granted`,
          params: [bucket, now + refillMs, now, refillMs, limit, now, refillMs, limit, now, refillMs],
        };
  }
}

/** A MySQL take's answer, unpacked from the insert id its upsert reported. */
function mysqlAnswer({ insertId }: { insertId: number }, budget: Budget, now: number): Pick<CounterRow, 'refilled' | 'granted'> {
  if (!insertId) return { refilled: now + budget.refillMs, granted: 1 };
  return { refilled: Math.floor(insertId / 2), granted: insertId % 2 };
}

/** The read of these buckets' counters. */
const countersOf = (budgets: Budget[]): Statement => ({
  sql: `SELECT bucket, refilled_at_ms AS refilled, granted FROM rate_limit_counters WHERE bucket IN (${commaList('?', budgets.length)})`,
  params: budgets.map((budget) => budget.bucket),
});

const rowOf = (found: CounterRow[], bucket: string) => found.find((candidate) => candidate.bucket === bucket);

/** When the bucket's tokens are all back (0 for a bucket never used: full). */
const refilledAt = (found: CounterRow[], bucket: string): number => Number(rowOf(found, bucket)?.refilled ?? 0);

/** The bucket as of `now` once its full-again moment is `refilled`; `granted` defaults to "a token is left". */
function stateOf({ capacity, refillMs }: Budget, refilled: number, now: number, wasGranted?: boolean): BudgetState {
  const owed = Math.max(0, refilled - now);
  const remaining = Math.max(0, Math.floor((capacity * refillMs - owed) / refillMs));
  const wait = Math.max(0, refilled + refillMs - capacity * refillMs - now);
  return { granted: wasGranted ?? wait === 0, remaining, retryAfterMs: wait, fullAtMs: Math.max(refilled, now) };
}
