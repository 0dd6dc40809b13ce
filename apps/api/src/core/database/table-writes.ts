import type { AfterQueryEvent, DataSource, EntitySubscriberInterface } from 'typeorm';
import { afterCommit } from './after-commit';

/** A statement that may change rows of a table, written by TypeORM or by hand; group 1 is the table. */
const CHANGES_ROWS = /^\s*(?:UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+[`"]?(\w+)[`"]?[\s(]/i;

/** One subscriber per data source, whatever the number of caches listening: one regex test per query. */
class TableWriteWatcher implements EntitySubscriberInterface {
  readonly listeners = new Map<string, (() => void)[]>();

  afterQuery(event: AfterQueryEvent): void {
    const table = CHANGES_ROWS.exec(event.query)?.[1]?.toLowerCase();
    const listeners = table ? this.listeners.get(table) : undefined;
    if (!listeners) return;
    const notify = () => listeners.forEach((listener) => listener());
    notify();
    if (event.queryRunner?.isTransactionActive) afterCommit(event.queryRunner.manager, notify);
  }
}

const watchers = new WeakMap<DataSource, TableWriteWatcher>();

/**
 * Calls `listener` whenever this process changes rows of one of `tables`: at once (so a lookup
 * racing the write is not cached) and again when the write's transaction commits. What caches of
 * database rows use to drop what a local write made stale; other instances' writes wait for their TTL.
 */
export function onTableWrites(dataSource: DataSource, tables: string[], listener: () => void): void {
  let watcher = watchers.get(dataSource);
  if (!watcher) {
    watchers.set(dataSource, (watcher = new TableWriteWatcher()));
    dataSource.subscribers.push(watcher);
  }
  for (const table of tables) watcher.listeners.set(table, [...(watcher.listeners.get(table) ?? []), listener]);
}
