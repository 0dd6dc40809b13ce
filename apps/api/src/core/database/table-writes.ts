import type { AfterQueryEvent, DataSource, EntitySubscriberInterface } from 'typeorm';
import { afterCommit } from './after-commit';
import type { Statement } from './insert-statement';
import { STATEMENT_SEPARATOR } from './transactions';

/** A statement that may change rows of a table, written by TypeORM or by hand; group 1 is the table. */
const CHANGES_ROWS = /^\s*(?:UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+[`"]?(\w+)[`"]?[\s(]/i;

/** Statements that change rows no cache reads, each exactly as it is sent (see `cacheNeutralWrite`). */
const IGNORED = new Set<string>();

/** One subscriber per data source, whatever the number of caches listening: one regex test per statement. */
class TableWriteWatcher implements EntitySubscriberInterface {
  readonly listeners = new Map<string, (() => void)[]>();

  afterQuery(event: AfterQueryEvent): void {
    const notified = new Set<() => void>();
    for (const statement of event.query.split(STATEMENT_SEPARATOR)) {
      const table = CHANGES_ROWS.exec(statement)?.[1]?.toLowerCase();
      if (!table || IGNORED.has(statement.trim())) continue;
      for (const listener of this.listeners.get(table) ?? []) notified.add(listener);
    }
    if (notified.size === 0) return;
    const notify = () => notified.forEach((listener) => listener());
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

/**
 * Marks a write as changing nothing any cache holds, e.g. the time of a user's last sign-in, which
 * would otherwise empty the cache of every signed-in user at every login. Its SQL text must be
 * fixed (values bound): it is remembered as it is.
 */
export function cacheNeutralWrite(statement: Statement): Statement {
  IGNORED.add(statement.sql.trim());
  return statement;
}
