import type { EntityManager } from 'typeorm';
import { currentTransaction, joinTransaction } from '../database/transactions';
import { TenantContext } from '../tenancy/tenant-context';
import { DomainEvents, EventOutsideTransactionError } from './domain-events';

const context = new TenantContext();
/** Not a real transaction (no query runner): after-commit listeners run at once. */
const transaction = { name: 'the change’s transaction' } as unknown as EntityManager;
const inTransaction = <T>(work: () => T): T => joinTransaction(transaction, work);

describe('DomainEvents', () => {
  it('runs transactional handlers in the event’s tenant and inside the running transaction, whatever scope published it', async () => {
    const events = new DomainEvents(context);
    const seen: unknown[] = [];
    events.onTransaction('tenant.trial_expired', async () => void seen.push([context.tenantId(), currentTransaction()]));
    await context.runAsSystem('test: a job', () => inTransaction(() => events.publish('tenant.trial_expired', { tenantId: 'tenant-t' })));
    await context.runInTenant('tenant-other', () => inTransaction(() => events.publish('tenant.trial_expired', { tenantId: 'tenant-t' })));
    expect(seen).toEqual([
      ['tenant-t', transaction],
      ['tenant-t', transaction],
    ]);
  });

  it('fails the publish when a transactional handler fails', async () => {
    const events = new DomainEvents(context);
    events.onTransaction('tenant.trial_expired', async () => {
      throw new Error('handler failed');
    });
    await expect(inTransaction(() => events.publish('tenant.trial_expired', { tenantId: 'tenant-t' }))).rejects.toThrow('handler failed');
  });

  it('refuses a publish outside a transaction, before any handler or listener runs', async () => {
    const events = new DomainEvents(context);
    const handler = jest.fn(async () => undefined);
    const listener = jest.fn();
    events.onTransaction('tenant.trial_expired', handler);
    events.on('tenant.trial_expired', listener);
    await expect(context.runInTenant('tenant-t', () => events.publish('tenant.trial_expired', { tenantId: 'tenant-t' }))).rejects.toThrow(
      EventOutsideTransactionError,
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(handler).not.toHaveBeenCalled();
    expect(listener).not.toHaveBeenCalled();
  });
});
