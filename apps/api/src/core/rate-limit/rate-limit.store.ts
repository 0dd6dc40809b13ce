import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface WindowCount {
  hits: number;
  /** When the current window ends (epoch ms). */
  resetAtMs: number;
}

/** Fixed-window counters shared by all instances through the database. */
@Injectable()
export class RateLimitStore {
  private readonly mysql: boolean;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.mysql = dataSource.options.type === 'mysql';
  }

  async peek(bucket: string, windowMs: number, now = Date.now()): Promise<WindowCount> {
    const [row] = await this.dataSource.query('SELECT hits, window_started_at_ms AS started FROM rate_limit_counters WHERE bucket = ?', [bucket]);
    const started = row ? Number(row.started) : 0;
    if (!row || started + windowMs <= now) return { hits: 0, resetAtMs: now + windowMs };
    return { hits: Number(row.hits), resetAtMs: started + windowMs };
  }

  /** Counts one more event in the bucket's current window (a new window starts after the old one ends). */
  async hit(bucket: string, windowMs: number, now = Date.now()): Promise<WindowCount> {
    const expiredBefore = now - windowMs;
    if (this.mysql) {
      // MySQL evaluates the assignments left to right against the old row: `hits` first, then the window.
      await this.dataSource.query(
        `INSERT INTO rate_limit_counters (bucket, window_started_at_ms, hits) VALUES (?, ?, 1)
         ON DUPLICATE KEY UPDATE hits = IF(window_started_at_ms <= ?, 1, hits + 1),
                                 window_started_at_ms = IF(window_started_at_ms <= ?, VALUES(window_started_at_ms), window_started_at_ms)`,
        [bucket, now, expiredBefore, expiredBefore],
      );
    } else {
      await this.dataSource.query(
        `INSERT INTO rate_limit_counters (bucket, window_started_at_ms, hits) VALUES (?, ?, 1)
         ON CONFLICT(bucket) DO UPDATE SET
           hits = CASE WHEN window_started_at_ms <= ? THEN 1 ELSE hits + 1 END,
           window_started_at_ms = CASE WHEN window_started_at_ms <= ? THEN excluded.window_started_at_ms ELSE window_started_at_ms END`,
        [bucket, now, expiredBefore, expiredBefore],
      );
    }
    return this.peek(bucket, windowMs, now);
  }

  async reset(bucket: string): Promise<void> {
    await this.dataSource.query('DELETE FROM rate_limit_counters WHERE bucket = ?', [bucket]);
  }
}
