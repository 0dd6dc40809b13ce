import { NotificationType } from '@fasto/contracts';
import { Equal, IsNull } from 'typeorm';
import { newId } from '../src/core/database/ids';
import { TenantContext } from '../src/core/tenancy/tenant-context';
import { TenantTables, type TenantTable } from '../src/core/tenancy/tenant-table';
import { Notification } from '../src/modules/notifications/entities/notification.entity';
import { DEMO, idOf } from './support/auth-helpers';
import { startTestApp, type TestApp } from './support/test-app';

/** The tenant table's counted and bulk writes, on notifications (a table with a unique key and a JSON column). */
describe('tenant table: counted updates and deletes, inserts that skip duplicates', () => {
  let t: TestApp;
  let notifications: TenantTable<Notification>;
  let context: TenantContext;
  let demo: { id: string; tenantId: string };
  let acme: { id: string; tenantId: string };

  beforeAll(async () => {
    t = await startTestApp({ seed: true });
    notifications = t.app.get(TenantTables).of(Notification);
    context = t.app.get(TenantContext);
    demo = await idOf(t, DEMO.otherAgent);
    acme = await idOf(t, DEMO.acmeAgent);
  });
  afterAll(() => t.close());

  const row = (userId: string, eventKey: string) => ({
    id: newId(),
    userId,
    type: NotificationType.TeamChanged,
    title: 'Sua equipe mudou',
    body: null,
    link: null,
    data: { team: 'Alpha' },
    eventKey,
  });
  const stored = (eventKey: string) =>
    t.dataSource.query('SELECT tenant_id AS tenantId, data, read_at AS readAt FROM notifications WHERE event_key = ?', [eventKey]) as Promise<
      { tenantId: string; data: string; readAt: unknown }[]
    >;

  it('inserts in the scope’s tenant, skips a row that repeats a unique key, and stores JSON columns as JSON', async () => {
    await context.runInTenant(demo.tenantId, () => notifications.insertIgnoringDuplicates([row(demo.id, 'bulk-1'), row(demo.id, 'bulk-2')]));
    await context.runInTenant(demo.tenantId, () => notifications.insertIgnoringDuplicates([row(demo.id, 'bulk-2'), row(demo.id, 'bulk-3')]));
    const rows = [...(await stored('bulk-1')), ...(await stored('bulk-2')), ...(await stored('bulk-3'))];
    expect(rows.map((one) => one.tenantId)).toEqual([demo.tenantId, demo.tenantId, demo.tenantId]);
    expect(JSON.parse(rows[0].data)).toEqual({ team: 'Alpha' });
    await expect(notifications.insertIgnoringDuplicates([row(demo.id, 'bulk-4')])).rejects.toThrow(/no tenant scope/);
  });

  it('counts what it updated and deleted, and never touches another tenant’s rows', async () => {
    await context.runInTenant(acme.tenantId, () => notifications.insert(row(acme.id, 'acme-own')));
    await context.runInTenant(demo.tenantId, async () => {
      expect(await notifications.updateAndCount({ eventKey: Equal('acme-own') }, { readAt: new Date() })).toBe(0);
      expect(await notifications.deleteAndCount({ eventKey: Equal('acme-own') })).toBe(0);
      expect(await notifications.updateAndCount({ userId: Equal(demo.id), readAt: IsNull() }, { readAt: new Date() })).toBeGreaterThanOrEqual(3);
      expect(await notifications.deleteAndCount({ eventKey: Equal('bulk-1') })).toBe(1);
    });
    expect(await stored('acme-own')).toEqual([expect.objectContaining({ tenantId: acme.tenantId, readAt: null })]);
    expect(await stored('bulk-1')).toEqual([]);
  });
});
