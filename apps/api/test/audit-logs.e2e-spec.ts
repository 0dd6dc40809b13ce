import { Role } from '@fasto/contracts';
import { Equal } from 'typeorm';
import { BackgroundWork } from '../src/core/background/background-work.service';
import { NoSystemScopeError, NoTenantScopeError, TenantContext } from '../src/core/tenancy/tenant-context';
import { AuditRepository, ForeignAuditTenantError } from '../src/modules/audit/audit.repository';
import { AuditService } from '../src/modules/audit/audit.service';
import { AuditLog } from '../src/modules/audit/entities/audit-log.entity';
import { client, DEMO, type Client } from './support/auth-helpers';
import { startTestApp, type TestApp } from './support/test-app';

describe('audit log', () => {
  let t: TestApp;
  let superAdmin: Client;
  let admin: Client;
  let acmeAdmin: Client;

  beforeAll(async () => {
    t = await startTestApp({ seed: true });
    [superAdmin, admin, acmeAdmin] = await Promise.all([client(t, DEMO.superAdmin), client(t, DEMO.admin), client(t, DEMO.acmeAdmin)]);
    await t.http().post('/api/auth/login').send({ email: DEMO.agent, password: 'wrong-password-1' }).expect(401);
    // The failed sign-in's entry is written after the answer.
    await t.app.get(BackgroundWork).settled();
    for (const name of ['Time 1', 'Time 2', 'Time 3']) await admin.post('/api/teams', { name }).expect(201);
    await acmeAdmin.post('/api/teams', { name: 'Acme 2' }).expect(201);
  });
  afterAll(() => t.close());

  it('shows an admin their own tenant’s entries only, newest first, with actor names', async () => {
    const page = await admin.get('/api/audit-logs?limit=200').expect(200);
    const tenants = new Set(page.body.items.map((item: { tenantId: string }) => item.tenantId));
    expect(tenants).toEqual(new Set([admin.session.body.user.tenantId]));
    const actions = page.body.items.map((item: { action: string }) => item.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.login', 'auth.login_failed', 'team.created']));
    expect(actions[0]).toBe('team.created');
    const created = page.body.items.find((item: { action: string }) => item.action === 'team.created');
    expect(created).toMatchObject({ actorId: admin.session.body.user.id, actorName: 'Ana Administradora', entity: 'team', ip: expect.any(String) });
    const times = page.body.items.map((item: { createdAt: string }) => item.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('ignores a tenantId an admin passes', async () => {
    const page = await admin.get(`/api/audit-logs?tenantId=${acmeAdmin.session.body.user.tenantId}`).expect(200);
    expect(page.body.items.every((item: { tenantId: string }) => item.tenantId === admin.session.body.user.tenantId)).toBe(true);
  });

  it('filters by action, entity, actor and date, and pages with a cursor', async () => {
    const teams = await admin.get('/api/audit-logs?action=team.created&limit=2').expect(200);
    expect(teams.body.items).toHaveLength(2);
    const next = await admin.get(`/api/audit-logs?action=team.created&limit=2&cursor=${teams.body.nextCursor}`).expect(200);
    expect(next.body.items).toHaveLength(1);
    expect(next.body.nextCursor).toBeNull();
    const names = [...teams.body.items, ...next.body.items].map((item: { changes: { name: string } }) => item.changes.name).sort();
    expect(names).toEqual(['Time 1', 'Time 2', 'Time 3']);

    const byActor = await admin.get(`/api/audit-logs?actorId=${admin.session.body.user.id}&entity=team`).expect(200);
    expect(byActor.body.items).toHaveLength(3);
    const future = await admin.get(`/api/audit-logs?from=${new Date(Date.now() + 60_000).toISOString()}`).expect(200);
    expect(future.body.items).toEqual([]);
    await admin.get('/api/audit-logs?from=yesterday').expect(400);
    await admin.get('/api/audit-logs?entity=DROP TABLE').expect(400);
  });

  it('shows super admins every tenant, or one', async () => {
    const all = await superAdmin.get('/api/audit-logs?action=team.created&limit=200').expect(200);
    expect(new Set(all.body.items.map((item: { tenantId: string }) => item.tenantId)).size).toBe(2);
    const acme = await superAdmin.get(`/api/audit-logs?action=team.created&tenantId=${acmeAdmin.session.body.user.tenantId}`).expect(200);
    expect(acme.body.items.map((item: { changes: { name: string } }) => item.changes.name)).toEqual(['Acme 2']);
  });

  it('names a super admin acting on a tenant as Fasto staff, but never another tenant’s user', async () => {
    await superAdmin.post(`/api/tenants/${admin.session.body.user.tenantId}/api-keys`, { name: 'n8n' }).expect(201);
    const seenByAdmin = await admin.get('/api/audit-logs?entity=api_key').expect(200);
    expect(seenByAdmin.body.items[0]).toMatchObject({
      action: 'api_key.created',
      actorId: superAdmin.session.body.user.id,
      actorName: 'Super Admin',
      actorIsSuperAdmin: true,
    });
    expect(seenByAdmin.body.items[0].references[seenByAdmin.body.items[0].entityId]).toEqual({ kind: 'api_key', name: 'n8n', deleted: false });
    const seenBySuperAdmin = await superAdmin.get(`/api/audit-logs?entity=api_key&tenantId=${admin.session.body.user.tenantId}`).expect(200);
    expect(seenBySuperAdmin.body.items[0]).toMatchObject({ actorName: 'Super Admin', actorIsSuperAdmin: true });

    // An entry in Demo naming Acme's admin as its actor, and an Acme team in its changes.
    const acmeTeam = (await acmeAdmin.get('/api/teams').expect(200)).body.items[0];
    await t.app.get(AuditService).record({
      tenantId: admin.session.body.user.tenantId,
      actorId: acmeAdmin.session.body.user.id,
      action: 'user.updated',
      entity: 'user',
      entityId: admin.session.body.user.id,
      changes: { teamId: { from: null, to: acmeTeam.id } },
    });
    for (const reader of [admin, superAdmin]) {
      const entry = (await reader.get(`/api/audit-logs?action=user.updated&actorId=${acmeAdmin.session.body.user.id}`).expect(200)).body.items[0];
      expect(entry).toMatchObject({ actorName: null, actorIsSuperAdmin: false });
      expect(entry.references[acmeTeam.id]).toEqual({ kind: 'team', name: null, deleted: true });
      expect(entry.references[admin.session.body.user.id]).toEqual({ kind: 'user', name: 'Ana Administradora', deleted: false });
    }
  });

  it('shows the super admin behind an impersonated change', async () => {
    const started = await superAdmin.post(`/api/impersonate/${admin.session.body.user.tenantId}`, {}).expect(200);
    await t.http().post('/api/teams').set('Authorization', `Bearer ${started.body.accessToken}`).send({ name: 'Time Suporte' }).expect(201);
    const page = await admin.get('/api/audit-logs?limit=10').expect(200);
    const impersonation = page.body.items.find((item: { action: string }) => item.action === 'impersonation.started');
    expect(impersonation).toMatchObject({ impersonatorId: superAdmin.session.body.user.id, impersonatorName: 'Super Admin', actorName: 'Ana Administradora' });
    const created = page.body.items.find(
      (item: { action: string; changes: { name?: string } }) => item.action === 'team.created' && item.changes.name === 'Time Suporte',
    );
    expect(created).toMatchObject({ impersonatorName: 'Super Admin' });
  });

  it('names the stages, funnels and teams an entry refers to; a deleted one by the name the log kept', async () => {
    const funnel = (
      await admin
        .post('/api/funnels', {
          name: 'Funil Auditado',
          stages: [
            { name: 'Proposta', color: 'bg-amber-500' },
            { name: 'Negociação', color: 'bg-sky-500' },
          ],
        })
        .expect(201)
    ).body;
    const [proposta, negociacao] = funnel.stages as { id: string; name: string }[];
    await admin.patch(`/api/funnels/${funnel.id}/stages/${negociacao.id}`, { name: 'Negociação final' }).expect(200);
    await admin.delete(`/api/funnels/${funnel.id}/stages/${proposta.id}`).expect(200);
    await t.app.get(AuditService).record({
      tenantId: admin.session.body.user.tenantId,
      actorId: admin.session.body.user.id,
      action: 'attendance.updated',
      entity: 'attendance',
      entityId: null,
      changes: { funnelStageId: { from: proposta.id, to: negociacao.id } },
    });
    const page = await admin.get('/api/audit-logs?limit=10').expect(200);
    const moved = page.body.items.find((item: { action: string }) => item.action === 'attendance.updated');
    expect(moved.references).toEqual({
      [proposta.id]: { kind: 'funnel_stage', name: 'Proposta', deleted: true },
      [negociacao.id]: { kind: 'funnel_stage', name: 'Negociação final', deleted: false },
    });
    const renamed = page.body.items.find((item: { action: string }) => item.action === 'funnel_stage.updated');
    expect(renamed.changes).toEqual({ name: { from: 'Negociação', to: 'Negociação final' } });
    const created = page.body.items.find((item: { action: string }) => item.action === 'funnel.created');
    expect(created.references[funnel.id]).toEqual({ kind: 'funnel', name: 'Funil Auditado', deleted: false });
  });

  describe('the audit repository', () => {
    let logs: AuditRepository;
    let context: TenantContext;
    const all = { limit: 200 };
    const tenantsOf = (rows: { tenantId: string }[]) => new Set(rows.map((row) => row.tenantId));
    const demoTenant = () => admin.session.body.user.tenantId as string;
    const acmeTenant = () => acmeAdmin.session.body.user.tenantId as string;

    beforeAll(() => {
      logs = t.app.get(AuditRepository);
      context = t.app.get(TenantContext);
    });

    it('never widens a tenant read to every tenant: with no tenant scope it throws', async () => {
      await expect(logs.page(all)).rejects.toThrow(NoTenantScopeError);
      await expect(logs.actorNames([admin.session.body.user.id])).rejects.toThrow(NoTenantScopeError);
      await expect(logs.objectNames('team', [admin.session.body.user.id])).rejects.toThrow(NoTenantScopeError);
      await expect(logs.rememberedNames(['team'], [admin.session.body.user.id])).rejects.toThrow(NoTenantScopeError);
      await expect(context.runAsSystem('test: no tenant named', () => logs.page(all))).rejects.toThrow(NoTenantScopeError);
      const page = await context.runInTenant(demoTenant(), () => logs.page(all));
      expect(tenantsOf(page.items)).toEqual(new Set([demoTenant()]));
    });

    it('reads across tenants only in a named system scope', async () => {
      await expect(logs.pageAcrossTenants(all)).rejects.toThrow(NoSystemScopeError);
      await expect(context.runInTenant(demoTenant(), () => logs.pageAcrossTenants(all))).rejects.toThrow(NoSystemScopeError);
      const reads: (() => Promise<unknown>)[] = [
        () => logs.actorsAcrossTenants([]),
        () => logs.superAdminNames([]),
        () => logs.objectNamesAcrossTenants('team', []),
        () => logs.rememberedNamesAcrossTenants(['team'], []),
      ];
      for (const read of reads) await expect(context.runInTenant(demoTenant(), read)).rejects.toThrow(NoSystemScopeError);
      const page = await context.runAsSystem('test: the console', () => logs.pageAcrossTenants(all));
      expect([...tenantsOf(page.items)]).toEqual(expect.arrayContaining([demoTenant(), acmeTenant()]));
    });

    it('writes an entry into the tenant it names, but never from another tenant’s request', async () => {
      const audit = t.app.get(AuditService);
      const entry = (action: string) => ({ tenantId: acmeTenant(), actorId: null, action, entity: 'test' });
      await expect(context.runInTenant(demoTenant(), () => audit.record(entry('test.from_demo')))).rejects.toThrow(ForeignAuditTenantError);
      expect(() => context.runInTenant(demoTenant(), () => audit.entryStatement(entry('test.from_demo')))).toThrow(ForeignAuditTenantError);
      // A super admin acts on another tenant from their own; a sign-in or a job has no tenant scope.
      const superAdminTenant = superAdmin.session.body.user.tenantId as string;
      await context.runInTenant(superAdminTenant, () => audit.record(entry('test.by_super_admin')), { role: Role.SuperAdmin });
      await audit.record(entry('test.without_scope'));
      await context.runInTenant(acmeTenant(), () => audit.record(entry('test.own_tenant')));
      const written = await context.runAsSystem('test: read back', () => t.dataSource.getRepository(AuditLog).findBy({ entity: Equal('test') }));
      expect(written.map((row) => [row.action, row.tenantId]).sort()).toEqual(
        [
          ['test.by_super_admin', acmeTenant()],
          ['test.own_tenant', acmeTenant()],
          ['test.without_scope', acmeTenant()],
        ].sort(),
      );
    });
  });
});
