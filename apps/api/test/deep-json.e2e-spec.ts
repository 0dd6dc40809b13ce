import { randomUUID } from 'node:crypto';
import { generateApiKey } from '../src/core/auth/api-key-format';
import { hashSecretToken } from '../src/core/auth/secret-token';
import { ApiKey } from '../src/modules/integration/entities/api-key.entity';
import { client, DEMO, idOf, type Client } from './support/auth-helpers';
import { startTestApp, type TestApp } from './support/test-app';

/** A 10 kB body nested 2,000 levels deep: `{"pad":"xxx…","x":[[[…]]]}`. */
const deepBody = () => {
  const nested = `${'['.repeat(2000)}${']'.repeat(2000)}`;
  return `{"pad":"${'x'.repeat(10_000 - nested.length - 20)}","x":${nested}}`;
};

describe('deeply nested JSON bodies', () => {
  let t: TestApp;
  let admin: Client;
  let key: string;

  beforeAll(async () => {
    t = await startTestApp({ seed: true });
    admin = await client(t, DEMO.admin);
    const generated = generateApiKey();
    const { tenantId } = await idOf(t, DEMO.admin);
    await t.dataSource
      .getRepository(ApiKey)
      .insert({ id: randomUUID(), tenantId, name: 'n8n', prefix: generated.prefix, keyHash: hashSecretToken(generated.key) });
    key = generated.key;
  });
  afterAll(() => t.close());

  const routes: { label: string; method: 'post' | 'patch'; url: string; auth?: () => [string, string] }[] = [
    { label: 'login (no authentication)', method: 'post', url: '/api/auth/login' },
    { label: 'forgot-password (no authentication)', method: 'post', url: '/api/auth/password/forgot' },
    { label: 'ingest (no authentication)', method: 'post', url: '/api/integration/attendances' },
    { label: 'batch ingest (no authentication)', method: 'post', url: '/api/integration/attendances/batch' },
    { label: 'ingest with an API key', method: 'post', url: '/api/integration/attendances', auth: () => ['x-api-key', key] },
    { label: 'tenant settings as an admin', method: 'patch', url: '/api/tenant', auth: () => ['authorization', `Bearer ${admin.session.accessToken}`] },
  ];

  it.each(routes)('refuses a 2,000-level body with a JSON 400 on $label, and logs no stack', async ({ method, url, auth }) => {
    const body = deepBody();
    expect(body.length).toBeGreaterThanOrEqual(9_900);
    let request = t.http()[method](url).set('content-type', 'application/json');
    if (auth) request = request.set(...auth());
    const response = await request.send(body);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(response.body).toEqual({
      statusCode: 400,
      code: 'JSON_TOO_DEEP',
      error: 'JSON body is nested deeper than 32 levels',
      message: 'JSON body is nested deeper than 32 levels',
    });
    const logged = JSON.stringify(t.logs().filter((line) => Number(line['level']) >= 50));
    expect(logged).not.toMatch(/RangeError|Maximum call stack|"stack"/);
  });

  it('still takes ordinary bodies, including ones nested up to the limit', async () => {
    await t.http().post('/api/auth/login').send({ email: DEMO.admin, password: t.config.demoPassword }).expect(200);
    const atLimit = `{"email":"${DEMO.admin}","password":"x","deep":${'['.repeat(31)}${']'.repeat(31)}}`;
    // 31 arrays inside the top-level object: parsed, then refused by the DTO as an unknown field.
    const response = await t.http().post('/api/auth/login').set('content-type', 'application/json').send(atLimit).expect(400);
    expect(response.body.message).not.toMatch(/nested/);
    await t
      .http()
      .post('/api/integration/attendances')
      .set('x-api-key', key)
      .send({ external_id: `deep-${randomUUID()}`, customer_name: 'Bracket [{"x"}] in a string', attended_at: '2026-03-10T12:00:00-03:00' })
      .expect((res) => expect([200, 201]).toContain(res.status));
  });
});
