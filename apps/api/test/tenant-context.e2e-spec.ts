import { activeManager, Transactions } from '../src/core/database/transactions';
import { JobRepository } from '../src/core/jobs/job.repository';
import { JobRunner } from '../src/core/jobs/job-runner';
import { TenantContext } from '../src/core/tenancy/tenant-context';
import { TeamsRepository } from '../src/modules/teams/teams.repository';
import { client, DEMO, type Client } from './support/auth-helpers';
import { startTestApp, type TestApp } from './support/test-app';

describe('tenant context', () => {
  let t: TestApp;
  let demo: Client;
  let acme: Client;

  beforeAll(async () => {
    t = await startTestApp({ seed: true });
    [demo, acme] = await Promise.all([client(t, DEMO.admin), client(t, DEMO.acmeAdmin)]);
  });
  afterAll(() => t.close());

  it('gives each of many interleaved requests (reads and bodies) its own tenant, never the other’s', async () => {
    const demoTenant = demo.session.body.user.tenantId;
    const acmeTenant = acme.session.body.user.tenantId;
    const work = Array.from({ length: 12 }, (_, i) => {
      const [who, tag] = i % 2 ? [acme, 'acme'] : [demo, 'demo'];
      return i % 3 === 0 ? who.post('/api/teams', { name: `Concurrent ${tag} ${i}` }).expect(201) : who.get('/api/teams').expect(200);
    });
    const responses = await Promise.all(work);
    const lists = responses
      .filter((response) => response.body.items)
      .map((response) => response.body.items.map((team: { name: string }) => team.name) as string[]);
    expect(lists.length).toBeGreaterThan(0);
    for (const names of lists) expect(names.some((name) => name.includes('demo')) && names.some((name) => name.includes('acme'))).toBe(false);
    const created: { name: string; tenant_id: string }[] = await t.dataSource.query(
      "SELECT name, tenant_id FROM teams WHERE tenant_id IN (?, ?) AND name LIKE 'Concurrent %'",
      [demoTenant, acmeTenant],
    );
    expect(created).toHaveLength(4);
    for (const team of created) expect(team.tenant_id).toBe(team.name.includes('acme') ? acmeTenant : demoTenant);
  });

  it('refuses tenant-owned data outside a scope, and runs a job-style call in the tenant it names', async () => {
    const teams = t.app.get(TeamsRepository);
    await expect(teams.findById('00000000-0000-4000-8000-000000000000')).rejects.toThrow(/no tenant scope is active/);
    const context = t.app.get(TenantContext);
    await expect(context.runAsSystem('test: sweep', () => teams.page({ limit: 10 }))).rejects.toThrow(/system scope "test: sweep"/);
    const acmeTeams = await context.runInTenant(acme.session.body.user.tenantId, () => teams.page({ limit: 50 }));
    expect(acmeTeams.items.length).toBeGreaterThan(0);
    for (const team of acmeTeams.items) expect(team.tenantId).toBe(acme.session.body.user.tenantId);
  });

  it('lets repositories join a transaction inside Transactions.run, and only there', async () => {
    const context = t.app.get(TenantContext);
    await context.runInTenant(demo.session.body.user.tenantId, async () => {
      const inside = await t.app.get(Transactions).run(async (transaction) => {
        expect(activeManager(t.dataSource)).toBe(transaction);
        return transaction;
      });
      expect(activeManager(t.dataSource)).not.toBe(inside);
      expect(activeManager(t.dataSource)).toBe(t.dataSource.manager);
      expect(context.tenantId()).toBe(demo.session.body.user.tenantId);
    });
  });

  it('runs a scheduled job in a system scope named after it', async () => {
    const context = t.app.get(TenantContext);
    const result = await new JobRunner(new JobRepository(t.dataSource), 'scope-probe-instance').run(
      { name: 'scope-probe', handler: { run: async () => JSON.stringify(context.scope()) } },
      'slot-1',
    );
    expect(result).toMatchObject({ outcome: 'ok', message: JSON.stringify({ kind: 'system', reason: 'job: scope-probe' }) });
  });
});
