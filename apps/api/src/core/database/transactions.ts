import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { clsStore } from '../tenancy/tenant-scope';

// No dot in the key: nestjs-cls reads dots as a path into a nested object, which a nested scope would share.
export const TRANSACTION_KEY = 'transactionManager';

/** The manager of the transaction the running code is in, else the data source's own. */
export function activeManager(dataSource: DataSource): EntityManager {
  return currentTransaction() ?? dataSource.manager;
}

/** The transaction the running code is in (`Transactions.run`, `joinTransaction`), if any. */
export function currentTransaction(): EntityManager | undefined {
  const cls = clsStore();
  return cls.isActive() ? (cls.get(TRANSACTION_KEY) as EntityManager | undefined) : undefined;
}

/**
 * Runs `work` inside `transaction`, one the caller was handed rather than opened (a domain event's):
 * the repositories used in `work` join it, as inside `Transactions.run`.
 */
export function joinTransaction<T>(transaction: EntityManager, work: () => T): T {
  return clsStore().run({ ifNested: 'inherit' }, () => {
    clsStore().set(TRANSACTION_KEY, transaction);
    return work();
  });
}

/**
 * One TypeORM transaction that the repositories used inside it join without being handed it
 * (it travels in the same AsyncLocalStorage store as the tenant scope, which it keeps).
 * `work` receives the transaction only to pass it on to audit and domain events.
 */
@Injectable()
export class Transactions {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run<T>(work: (transaction: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => joinTransaction(manager, () => work(manager)));
  }
}
