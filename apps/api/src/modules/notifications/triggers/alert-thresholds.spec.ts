import { DEFAULT_TENANT_SETTINGS } from '@fasto/contracts';
import { DomainEvents } from '../../../core/events/domain-events';
import { TenantContext } from '../../../core/tenancy/tenant-context';
import type { Tenant } from '../../tenants/entities/tenant.entity';
import { AlertThresholds } from './alert-thresholds';
import type { TriggersRepository } from './triggers.repository';

const context = new TenantContext();
const settled = () => new Promise((resolve) => setImmediate(resolve));

function setUp() {
  const stored = { lowScoreThreshold: 50 };
  const tenant = jest.fn(async () => ({ settings: { ...stored } }) as Tenant);
  const events = new DomainEvents(context);
  const thresholds = new AlertThresholds({ tenant } as unknown as TriggersRepository, context, events);
  thresholds.onModuleInit();
  const of = (tenantId: string) => context.runInTenant(tenantId, () => thresholds.of());
  return { stored, tenant, events, of };
}

describe('AlertThresholds', () => {
  it('reads a tenant’s thresholds once, with the defaults for what is not set', async () => {
    const { tenant, of } = setUp();
    expect(await of('tenant-a')).toEqual({ ...DEFAULT_TENANT_SETTINGS, lowScoreThreshold: 50 });
    await of('tenant-a');
    expect(tenant).toHaveBeenCalledTimes(1);
  });

  it('reads them again once the tenant’s settings changed, and only that tenant’s', async () => {
    const { stored, tenant, events, of } = setUp();
    await of('tenant-a');
    await of('tenant-b');
    stored.lowScoreThreshold = 80;
    events.emit('tenant.settings_changed', { tenantId: 'tenant-a' });
    await settled();
    expect((await of('tenant-a')).lowScoreThreshold).toBe(80);
    expect((await of('tenant-b')).lowScoreThreshold).toBe(50);
    expect(tenant).toHaveBeenCalledTimes(3);
  });
});
