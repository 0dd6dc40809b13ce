import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';

type Method = (this: unknown, ...args: unknown[]) => unknown;

/** The calls that opened the transactions the running code is in, outermost first (Errors: their stacks format only when read). */
const openers = new AsyncLocalStorage<Error[]>();

/**
 * Remembers who opened each TypeORM transaction. A statement's own stack reaches its caller only
 * through awaits; TypeORM's `DataSource.transaction` returns its promise without awaiting it, so
 * the stack of a statement inside a transaction can stop there. The opener's stack, taken when
 * `transaction()` is called, names the caller instead.
 */
export function rememberTransactionOpeners(): void {
  for (const target of [DataSource.prototype, EntityManager.prototype] as unknown as Record<string, Method>[]) {
    const original = (target['__tenantSqlOriginal_transaction'] ??= target['transaction']);
    target['transaction'] = function (this: unknown, ...args: unknown[]) {
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 40;
      const opener = new Error('transaction opened');
      Error.stackTraceLimit = limit;
      return openers.run([...(openers.getStore() ?? []), opener], () => original.apply(this, args));
    };
  }
}

/** The stacks of the calls that opened the running transactions, innermost first. */
export const transactionOpeners = (): string[] => (openers.getStore() ?? []).map((opener) => opener.stack ?? '').reverse();
