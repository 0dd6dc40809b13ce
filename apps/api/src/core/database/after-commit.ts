import {
  EventSubscriber,
  type EntityManager,
  type EntitySubscriberInterface,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';
import { currentTransaction } from './transactions';

type Callback = () => void;

const pending = new WeakMap<QueryRunner, Callback[]>();

/**
 * Runs `callback` once the transaction `manager` belongs to has committed (at once when there is
 * none), and never if it rolls back: side effects outside the database (a push to a browser, a
 * cache eviction) must not announce a change that did not happen.
 */
export function afterCommit(manager: EntityManager, callback: Callback): void {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) {
    callback();
    return;
  }
  const callbacks = pending.get(runner) ?? [];
  callbacks.push(callback);
  pending.set(runner, callbacks);
}

/** Registered on the data source; savepoint releases and rollbacks keep waiting for the outermost end. */
@EventSubscriber()
export class AfterCommitSubscriber implements EntitySubscriberInterface {
  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (event.queryRunner.isTransactionActive) return;
    const callbacks = pending.get(event.queryRunner) ?? [];
    pending.delete(event.queryRunner);
    for (const callback of callbacks) callback();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) pending.delete(event.queryRunner);
  }
}

/** `afterCommit` for the transaction the running code is in (`Transactions.run`, `joinTransaction`): at once outside one. */
export function afterThisCommits(callback: Callback): void {
  const transaction = currentTransaction();
  if (transaction) afterCommit(transaction, callback);
  else callback();
}
