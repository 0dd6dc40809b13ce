import { LRUCache } from 'lru-cache';

/** What every cache states up front: what it holds, how many entries at most, for how long. */
export interface CacheLimits {
  /** Shown in reviews and logs: what the entries are (e.g. 'principal by user id'). */
  name: string;
  /** Least recently used entries leave first once this many are kept. */
  maxEntries: number;
  /** How long an entry is trusted; other instances' writes become visible after at most this. */
  ttlMs: number;
}

/**
 * The one in-process cache of the API, on lru-cache: bounded, with a TTL, and safe against a
 * load that raced a write (a value read before `clear`/`forget` is answered but not kept).
 * Give each cache its limits where it is declared; keep a cache only where the bench shows a gain.
 */
export class BoundedCache<V extends NonNullable<unknown>> {
  private readonly entries: LRUCache<string, V>;
  /** Bumped by every clear or forget: a load started before it must not be kept. */
  private generation = 0;

  constructor(readonly limits: CacheLimits) {
    // The wall clock (not performance.now) so that TTLs follow the same clock as the rest of the API and its tests.
    this.entries = new LRUCache<string, V>({ max: limits.maxEntries, ttl: limits.ttlMs, perf: { now: () => Date.now() } });
  }

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: V): void {
    this.entries.set(key, value);
  }

  /** The kept value, else what `load` reads (kept unless it is undefined or the cache was cleared meanwhile). */
  async through<R extends V | undefined>(key: string, load: () => Promise<R>): Promise<R> {
    const kept = this.entries.get(key);
    if (kept !== undefined) return kept as R;
    const generation = this.generation;
    const value = await load();
    if (value !== undefined && generation === this.generation) this.entries.set(key, value as V);
    return value;
  }

  forget(key: string): void {
    this.generation += 1;
    this.entries.delete(key);
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
