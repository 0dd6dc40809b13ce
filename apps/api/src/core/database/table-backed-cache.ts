import type { DataSource } from 'typeorm';
import { onTableWrites } from './table-writes';

/** Past this many entries the cache is simply emptied; it refills from the database. */
const MAX_ENTRIES = 50_000;

/**
 * Values read from the database, kept for `ttlMs` (0: never kept), and dropped whenever this
 * process writes one of the tables they come from (`watch`). Other instances' writes wait for the
 * TTL. A read that raced a write is answered but not kept, so it cannot outlive the write.
 */
export class TableBackedCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();
  /** Bumped by every clear: a read started before it must not be kept. */
  private generation = 0;

  constructor(private readonly ttlMs: number) {}

  watch(dataSource: DataSource, tables: string[]): void {
    onTableWrites(dataSource, tables, () => this.clear());
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    return entry && entry.expiresAt > Date.now() ? entry.value : undefined;
  }

  /** The kept value, else what `load` reads (kept unless it is undefined or a write came in meanwhile). */
  async through<R extends V | undefined>(key: string, load: () => Promise<R>): Promise<R> {
    const kept = this.get(key);
    if (kept !== undefined) return kept as R;
    const generation = this.generation;
    const value = await load();
    if (value !== undefined && this.ttlMs > 0 && generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(key, { value, expiresAt: Date.now() + this.ttlMs });
    }
    return value;
  }

  /** Drops one key, so that the next read of it goes to the database. */
  forget(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }
}
