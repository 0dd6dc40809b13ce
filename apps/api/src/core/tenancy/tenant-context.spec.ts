import { setTimeout as sleep } from 'node:timers/promises';
import { TRANSACTION_KEY } from '../database/transactions';
import { NoSystemScopeError, NoTenantScopeError, TenantContext } from './tenant-context';
import { clsStore } from './tenant-scope';

const context = new TenantContext();

describe('TenantContext', () => {
  it('throws when the tenant is read outside a scope', () => {
    expect(() => context.tenantId()).toThrow(NoTenantScopeError);
    expect(context.scope()).toBeNull();
  });

  it('gives the tenant inside runInTenant, and nothing once it returns', async () => {
    const seen = await context.runInTenant('tenant-a', async () => {
      await sleep(1);
      return context.tenantId();
    });
    expect(seen).toBe('tenant-a');
    expect(() => context.tenantId()).toThrow(NoTenantScopeError);
  });

  it('refuses an empty tenant id', () => {
    expect(() => context.runInTenant('', () => 'ran')).toThrow(NoTenantScopeError);
  });

  it('names the system scope, where reading a tenant throws', () => {
    context.runAsSystem('test: sweep every tenant', () => {
      expect(context.scope()).toEqual({ kind: 'system', reason: 'test: sweep every tenant' });
      expect(() => context.tenantId()).toThrow(/system scope "test: sweep every tenant"/);
    });
  });

  it('gives the system scope only inside runAsSystem', () => {
    expect(() => context.system()).toThrow(NoSystemScopeError);
    context.runInTenant('tenant-a', () => expect(() => context.system()).toThrow(/runs for tenant tenant-a/));
    expect(context.runAsSystem('test: console', () => context.system().reason)).toBe('test: console');
  });

  it('restores the outer tenant after a nested system scope', () => {
    context.runInTenant('tenant-a', () => {
      context.runAsSystem('test: nested', () => expect(context.scope()?.kind).toBe('system'));
      expect(context.tenantId()).toBe('tenant-a');
    });
  });

  it('keeps concurrent scopes apart across awaits', async () => {
    const work = (tenantId: string, delays: number[]) =>
      context.runInTenant(tenantId, async () => {
        const seen: string[] = [];
        for (const delay of delays) {
          await sleep(delay);
          seen.push(context.tenantId());
        }
        return seen;
      });
    const [a, b] = await Promise.all([work('tenant-a', [5, 1, 5, 1]), work('tenant-b', [1, 5, 1, 5])]);
    expect(a).toEqual(['tenant-a', 'tenant-a', 'tenant-a', 'tenant-a']);
    expect(b).toEqual(['tenant-b', 'tenant-b', 'tenant-b', 'tenant-b']);
  });

  it('keeps the running transaction when it enters another scope, and only that', () => {
    const cls = clsStore();
    cls.run(() => {
      cls.set(TRANSACTION_KEY, 'the transaction');
      cls.set('other', 'request state');
      context.runAsSystem('test: console', () =>
        context.runInTenant('tenant-b', () => {
          expect(cls.get(TRANSACTION_KEY)).toBe('the transaction');
          expect(cls.get('other')).toBeUndefined();
        }),
      );
    });
    context.runInTenant('tenant-a', () => expect(cls.get(TRANSACTION_KEY)).toBeUndefined());
  });
});
