import { TenantContext } from '../src/core/tenancy/tenant-context';
import { TenantTimezones } from '../src/modules/attendances/tenant-timezones';
import { client, DEMO } from './support/auth-helpers';
import { startTestApp, type TestApp } from './support/test-app';

describe('tenant time zones (the cached read every ingest, list and dashboard makes)', () => {
  let t: TestApp;
  let context: TenantContext;
  let timezones: TenantTimezones;
  let demoTenant: string;
  let acmeTenant: string;

  beforeAll(async () => {
    t = await startTestApp({ seed: true });
    context = t.app.get(TenantContext);
    timezones = t.app.get(TenantTimezones);
    demoTenant = (await client(t, DEMO.admin)).session.body.user.tenantId;
    acmeTenant = (await client(t, DEMO.acmeAdmin)).session.body.user.tenantId;
  });
  afterAll(() => t.close());

  const demoZone = () => context.runInTenant(demoTenant, () => timezones.current());
  const setZoneBehindTheApi = (zone: string) => t.dataSource.query('UPDATE tenants SET timezone = ? WHERE id = ?', [zone, demoTenant]);

  it('answers the current tenant’s zone, and a change through the API at once', async () => {
    expect(await demoZone()).toBe('America/Sao_Paulo');
    // A write the app did not make stays unseen until the TTL: the answer above came from the cache.
    await setZoneBehindTheApi('America/Manaus');
    expect(await demoZone()).toBe('America/Sao_Paulo');

    const admin = await client(t, DEMO.admin);
    await admin.patch('/api/tenant', { timezone: 'Asia/Tokyo' }).expect(200);
    expect(await demoZone()).toBe('Asia/Tokyo');
  });

  it('reads only the scope’s tenant', async () => {
    const [acme] = await t.dataSource.query('SELECT timezone FROM tenants WHERE id = ?', [acmeTenant]);
    expect(acme.timezone).not.toBe(await demoZone());
    expect(await context.runInTenant(acmeTenant, () => timezones.current())).toBe(acme.timezone);
    await expect(timezones.current()).rejects.toThrow(/no tenant scope is active/);
  });
});
