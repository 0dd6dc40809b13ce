import type { DataSource, EntityManager } from 'typeorm';
import { currentTransaction, Transactions } from '../database/transactions';
import { TenantContext } from './tenant-context';

const context = new TenantContext();
const transaction = { name: 'the running transaction' } as unknown as EntityManager;
/** A data source whose transactions only hand `transaction` to the work. */
const transactions = new Transactions({ transaction: (work: (manager: EntityManager) => unknown) => work(transaction) } as unknown as DataSource);

describe('entering a scope inside a transaction', () => {
  it('stays in the transaction: another tenant and the system scope alike', async () => {
    const seen = await transactions.run(async () => ({
      tenant: await context.runInTenant('tenant-b', async () => [context.tenantId(), currentTransaction()]),
      system: context.runAsSystem('test: cross-tenant read', () => currentTransaction()),
    }));
    expect(seen.tenant).toEqual(['tenant-b', transaction]);
    expect(seen.system).toBe(transaction);
  });

  it('opens none outside a transaction', () => {
    expect(context.runInTenant('tenant-a', () => currentTransaction())).toBeUndefined();
  });
});
