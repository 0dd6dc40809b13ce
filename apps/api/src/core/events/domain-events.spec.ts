import type { EntityManager } from 'typeorm';
import { currentTransaction } from '../database/transactions';
import { TenantContext } from '../tenancy/tenant-context';
import { DomainEvents } from './domain-events';

const context = new TenantContext();
/** Outside a real transaction (no query runner): after-commit listeners run at once. */
const transaction = { name: 'the change’s transaction' } as unknown as EntityManager;

describe('DomainEvents', () => {
  it('runs transactional handlers in the event’s tenant and inside the change’s transaction, whatever scope published it', async () => {
    const events = new DomainEvents(context);
    const seen: unknown[] = [];
    events.onTransaction('tenant.trial_expired', async () => void seen.push([context.tenantId(), currentTransaction()]));
    await context.runAsSystem('test: a job', () => events.publish(transaction, 'tenant.trial_expired', { tenantId: 'tenant-t' }));
    await context.runInTenant('tenant-other', () => events.publish(transaction, 'tenant.trial_expired', { tenantId: 'tenant-t' }));
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
    await expect(events.publish(transaction, 'tenant.trial_expired', { tenantId: 'tenant-t' })).rejects.toThrow('handler failed');
  });
});
