import { client, DEMO, type Client } from './support/auth-helpers';
import { startTestApp, type TestApp } from './support/test-app';

describe('integration: API keys and mapping endpoints', () => {
  let t: TestApp;
  let superAdmin: Client;
  let admin: Client;
  let demoId: string;

  beforeAll(async () => {
    t = await startTestApp({ seed: true });
    [superAdmin, admin] = await Promise.all([client(t, DEMO.superAdmin), client(t, DEMO.admin)]);
    demoId = admin.session.body.user.tenantId;
  });
  afterAll(() => t.close());

  const createKey = async (name = 'n8n') => (await superAdmin.post(`/api/tenants/${demoId}/api-keys`, { name }).expect(201)).body;

  it('shows a new key once, then only its prefix; stores only a hash', async () => {
    const created = await createKey('n8n produção');
    expect(created).toEqual({
      id: expect.any(String),
      name: 'n8n produção',
      prefix: expect.stringMatching(/^[0-9a-f]{8}$/),
      key: expect.stringMatching(/^fst_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/),
      createdAt: expect.any(String),
    });
    expect(created.key.startsWith(`fst_${created.prefix}_`)).toBe(true);
    const list = await superAdmin.get(`/api/tenants/${demoId}/api-keys`).expect(200);
    expect(list.body.items[0]).toEqual({
      id: created.id,
      name: 'n8n produção',
      prefix: created.prefix,
      createdBy: superAdmin.session.body.user.id,
      createdAt: created.createdAt,
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(JSON.stringify(list.body)).not.toContain(created.key);
    expect(JSON.stringify(await t.dataSource.query('SELECT * FROM api_keys'))).not.toContain(created.key.slice(13));
  });

  it('lets a key read the tenant’s people, funnels and origins, by header or Bearer', async () => {
    const { key } = await createKey();
    const users = await t.http().get('/api/integration/users').set('x-api-key', key).expect(200);
    const emails = users.body.items.map((user: { email: string }) => user.email);
    expect(emails).toContain(DEMO.agent);
    expect(emails).toContain(DEMO.manager);
    expect(emails).not.toContain(DEMO.admin);
    expect(emails.every((email: string) => email.endsWith('@demo.fasto.app'))).toBe(true);
    expect(users.body.items.find((user: { email: string }) => user.email === DEMO.agent)).toMatchObject({ role: 'agent', teamName: 'Equipe Alpha' });

    const funnels = await t.http().get('/api/integration/funnels').set('authorization', `Bearer ${key}`).expect(200);
    const sales = funnels.body.items.find((funnel: { name: string }) => funnel.name === 'Funil de Vendas');
    expect(sales.stages.map((stage: { name: string }) => stage.name)).toEqual([
      'Novo Lead',
      'Qualificação',
      'Proposta',
      'Negociação',
      'Venda Fechada',
      'Perdido',
    ]);
    expect(sales.teams).toEqual([{ id: expect.any(String), name: 'Equipe Alpha' }]);
    const origins = await t.http().get('/api/integration/origins').set('x-api-key', key).expect(200);
    expect(origins.body.items.map((group: { name: string }) => group.name).sort()).toEqual(['Canais Digitais', 'Eventos e Parcerias']);

    const [row] = await t.dataSource.query('SELECT last_used_at AS lastUsedAt FROM api_keys WHERE prefix = ?', [key.slice(4, 12)]);
    expect(row.lastUsedAt).not.toBeNull();
  });

  it('keeps keys on integration routes and users off them', async () => {
    const { key } = await createKey();
    await t.http().get('/api/users').set('x-api-key', key).expect(403);
    await t.http().get('/api/dashboard').set('x-api-key', key).expect(403);
    await admin.get('/api/integration/users').expect(403);
    await t.http().get(`/api/integration/users?api_key=${key}`).expect(401);
    await t.http().get('/api/integration/users').set('x-api-key', `${key}x`).expect(401);
  });

  it('revokes at once (401 on the next call) and audits key events', async () => {
    const created = await createKey('temporária');
    await t.http().get('/api/integration/users').set('x-api-key', created.key).expect(200);
    await superAdmin.delete(`/api/tenants/${demoId}/api-keys/${created.id}`).expect(204);
    await t.http().get('/api/integration/users').set('x-api-key', created.key).expect(401);
    await superAdmin.delete(`/api/tenants/${demoId}/api-keys/${created.id}`).expect(404);
    const audit = await superAdmin.get(`/api/audit-logs?tenantId=${demoId}&entity=api_key`).expect(200);
    expect(
      audit.body.items
        .filter((item: { entityId: string }) => item.entityId === created.id)
        .map((item: { action: string }) => item.action)
        .sort(),
    ).toEqual(['api_key.created', 'api_key.revoked']);
  });

  it('is for super admins only, never under impersonation, never for the system tenant', async () => {
    await admin.post(`/api/tenants/${demoId}/api-keys`, { name: 'x' }).expect(403);
    const impersonation = await superAdmin.post(`/api/impersonate/${demoId}`).expect(200);
    await t.http().post(`/api/tenants/${demoId}/api-keys`).set('authorization', `Bearer ${impersonation.body.accessToken}`).send({ name: 'x' }).expect(403);
    await superAdmin.post(`/api/tenants/${superAdmin.session.body.user.tenantId}/api-keys`, { name: 'x' }).expect(404);
    await superAdmin.post(`/api/tenants/${demoId}/api-keys`, { name: '' }).expect(400);
    const acmeKeys = await superAdmin
      .get(`/api/tenants/${(await superAdmin.get('/api/tenants').expect(200)).body.items.find((item: { slug: string }) => item.slug === 'acme').id}/api-keys`)
      .expect(200);
    expect(acmeKeys.body.items).toEqual([]);
  });
});
