import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { commaList, type Statement } from '../database/insert-statement';
import { inOneRoundTrip } from '../database/transactions';

/** One bucket's counter: when its tokens are all back (epoch ms), and whether the last event took one. */
export interface Counter {
  refilledAtMs: number;
  granted: boolean;
}

/** A take of one token: `refilledAtMs` moves to `next` when `next` is at most `limit`. */
export interface Take {
  bucket: string;
  now: number;
  refillMs: number;
  /** The latest full-again moment that still grants a token (now + capacity × refill). */
  limit: number;
}

interface CounterRow {
  bucket: string;
  refilled: number | string;
  granted: number | string | boolean;
}

/**
 * The SQL of the rate limiter's token buckets (`rate_limit_counters`). The table is system-wide
 * state, not tenant-owned (no `tenant_id`): a bucket is named for what it limits (an account, an
 * IP, an API key, a tenant), so nothing here reads the tenant scope.
 */
@Injectable()
export class RateLimitRepository {
  private readonly mysql: boolean;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.mysql = dataSource.options.type === 'mysql';
  }

  /** The counters of these buckets, read in one statement; a bucket never used is absent. */
  async counters(buckets: string[]): Promise<Map<string, Counter>> {
    const rows: CounterRow[] = await this.dataSource.query(
      `SELECT bucket, refilled_at_ms AS refilled, granted FROM rate_limit_counters WHERE bucket IN (${commaList('?', buckets.length)})`,
      buckets,
    );
    return new Map(rows.map((row) => [row.bucket, counterOf(row)]));
  }

  /**
   * One atomic upsert per bucket, sent together in one round trip outside any transaction (an
   * ingest request stays one transaction). Each upsert tells its own answer, so a concurrent take
   * on another instance cannot blur it: SQLite through RETURNING, MySQL through the statement's
   * LAST_INSERT_ID (see `takeStatement`).
   */
  async take(takes: Take[]): Promise<Counter[]> {
    const results = await inOneRoundTrip<unknown[]>(
      this.dataSource.manager,
      takes.map((take) => this.takeStatement(take)),
    );
    return takes.map((take, index) =>
      this.mysql ? mysqlAnswer(results[index] as { insertId: number }, take) : counterOf((results[index] as CounterRow[])[0]),
    );
  }

  /** Gives one token back to each bucket (its full-again moment one refill earlier), in one round trip; a subtraction, so concurrent takes stay counted. */
  async giveBack(buckets: { bucket: string; refillMs: number }[]): Promise<void> {
    await inOneRoundTrip(
      this.dataSource.manager,
      buckets.map(({ bucket, refillMs }) => ({ sql: 'UPDATE rate_limit_counters SET refilled_at_ms = refilled_at_ms - ? WHERE bucket = ?', params: [refillMs, bucket] })),
    );
  }

  /** What forgets the bucket (all its tokens back), to send along with other writes. */
  resetStatement(bucket: string): Statement {
    return { sql: 'DELETE FROM rate_limit_counters WHERE bucket = ?', params: [bucket] };
  }

  private takeStatement({ bucket, now, refillMs, limit }: Take): Statement {
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

const counterOf = (row: CounterRow): Counter => ({ refilledAtMs: Number(row.refilled), granted: row.granted === true || Number(row.granted) === 1 });

/** A MySQL take's answer, unpacked from the insert id its upsert reported. */
function mysqlAnswer({ insertId }: { insertId: number }, take: Take): Counter {
  if (!insertId) return { refilledAtMs: take.now + take.refillMs, granted: true };
  return { refilledAtMs: Math.floor(insertId / 2), granted: insertId % 2 === 1 };
}
