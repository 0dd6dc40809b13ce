import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { commaList, inOneRoundTrip, type Statement } from '../database/one-round-trip';

export interface WindowCount {
  hits: number;
  /** When the current window ends (epoch ms). */
  resetAtMs: number;
}

interface CounterRow {
  bucket: string;
  hits: number | string;
  started: number | string;
}

/** Fixed-window counters shared by all instances through the database. */
@Injectable()
export class RateLimitStore {
  private readonly mysql: boolean;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.mysql = dataSource.options.type === 'mysql';
  }

  /** The current windows of these buckets, read in one statement, without counting anything. */
  async peekAll(buckets: string[], windowMs: number, now = Date.now()): Promise<WindowCount[]> {
    const { sql, params } = countersOf(buckets);
    const found: CounterRow[] = await this.dataSource.query(sql, params);
    return buckets.map((bucket) => currentWindow(found, bucket, windowMs, now));
  }

  /** Counts one more event in the bucket's current window (a new window starts after the old one ends). */
  async hit(bucket: string, windowMs: number, now = Date.now()): Promise<WindowCount> {
    return (await this.hitAll([bucket], windowMs, now))[0];
  }

  /**
   * Counts one event in each bucket with one upsert and one read, whatever the number of buckets
   * (an integration request spends a per-key and a per-tenant budget on every call).
   */
  async hitAll(buckets: string[], windowMs: number, now = Date.now()): Promise<WindowCount[]> {
    const expiredBefore = now - windowMs;
    const rows = commaList('(?, ?, 1)', buckets.length);
    const values = buckets.flatMap((bucket) => [bucket, now]);
    // MySQL evaluates the assignments left to right against the old row: `hits` first, then the window.
    const upsert = this.mysql
      ? `INSERT INTO rate_limit_counters (bucket, window_started_at_ms, hits) VALUES ${rows}
         ON DUPLICATE KEY UPDATE hits = IF(window_started_at_ms <= ?, 1, hits + 1),
                                 window_started_at_ms = IF(window_started_at_ms <= ?, VALUES(window_started_at_ms), window_started_at_ms)`
      : `INSERT INTO rate_limit_counters (bucket, window_started_at_ms, hits) VALUES ${rows}
         ON CONFLICT(bucket) DO UPDATE SET
           hits = CASE WHEN window_started_at_ms <= ? THEN 1 ELSE hits + 1 END,
           window_started_at_ms = CASE WHEN window_started_at_ms <= ? THEN excluded.window_started_at_ms ELSE window_started_at_ms END`;
    const [, found] = await inOneRoundTrip<[unknown, CounterRow[]]>(this.dataSource.manager, [
      { sql: upsert, params: [...values, expiredBefore, expiredBefore] },
      countersOf(buckets),
    ]);
    return buckets.map((bucket) => currentWindow(found, bucket, windowMs, now));
  }

  /** What forgets the bucket's count, to send along with other writes. */
  resetStatement(bucket: string): Statement {
    return { sql: 'DELETE FROM rate_limit_counters WHERE bucket = ?', params: [bucket] };
  }
}

/** The read of these buckets' counters. */
const countersOf = (buckets: string[]): Statement => ({
  sql: `SELECT bucket, hits, window_started_at_ms AS started FROM rate_limit_counters WHERE bucket IN (${commaList('?', buckets.length)})`,
  params: buckets,
});

/** A bucket's window as of `now`, from the rows read (no row, or an ended window: nothing counted yet). */
function currentWindow(found: CounterRow[], bucket: string, windowMs: number, now: number): WindowCount {
  const row = found.find((candidate) => candidate.bucket === bucket);
  const started = row ? Number(row.started) : 0;
  if (!row || started + windowMs <= now) return { hits: 0, resetAtMs: now + windowMs };
  return { hits: Number(row.hits), resetAtMs: started + windowMs };
}
