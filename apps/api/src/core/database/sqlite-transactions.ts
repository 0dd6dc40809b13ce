import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * TypeORM gives SQLite one connection for every request, so two transactions started at once
 * either collide ("cannot start a transaction within a transaction": a 500 for concurrent sign-ins)
 * or become savepoints of each other, where one's rollback undoes the other's work. On SQLite,
 * transactions take turns; one started inside a turn (same async context) nests as before.
 */
export function serializeSqliteTransactions(dataSource: DataSource): void {
  if (dataSource.options.type !== 'better-sqlite3') return;
  const insideTurn = new AsyncLocalStorage<true>();
  const manager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  let lastTurn: Promise<unknown> = Promise.resolve();
  manager.transaction = ((...args: unknown[]) => {
    if (insideTurn.getStore()) return transaction(...args);
    // Awaited rather than chained with then(): the stack of a statement inside the transaction
    // then still reaches its caller (the tenant SQL checker names a statement's source by it).
    const turn = (async () => {
      await lastTurn;
      return await insideTurn.run(true, () => transaction(...args));
    })();
    lastTurn = turn.catch(() => undefined);
    return turn;
  }) as EntityManager['transaction'];
}
