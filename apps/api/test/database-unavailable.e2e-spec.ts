import { randomUUID } from 'node:crypto';
import { generateApiKey } from '../src/core/auth/api-key-format';
import { hashSecretToken } from '../src/core/auth/secret-token';
import { ApiKey } from '../src/modules/integration/entities/api-key.entity';
import { bearer, DEMO, idOf, login } from './support/auth-helpers';
import { startTestApp, type TestApp } from './support/test-app';

/** Database unreachable → 503 with the error shape on every kind of route, never a 401 or a 500. */
describe('database unavailable', () => {
  let t: TestApp;
  let agent: string;
  let apiKey: string;

  beforeAll(async () => {
    t = await startTestApp({ seed: true });
    agent = bearer(await login(t, DEMO.agent));
    const { tenantId } = await idOf(t, DEMO.agent);
    const key = generateApiKey();
    await t.dataSource.getRepository(ApiKey).insert({ id: randomUUID(), tenantId, name: 'outage', prefix: key.prefix, keyHash: hashSecretToken(key.key) });
    apiKey = key.key;
  });
  afterAll(() => t.close());

  it('answers 503 for signed-in, API-key and public routes while the database is gone, and serves again after', async () => {
    await t.dataSource.destroy();
    try {
      const answers = {
        me: await t.http().get('/api/auth/me').set('authorization', agent),
        attendances: await t.http().get('/api/attendances').set('authorization', agent),
        integration: await t.http().get('/api/integration/users').set('x-api-key', apiKey),
        login: await t.http().post('/api/auth/login').send({ email: DEMO.agent, password: t.config.demoPassword }),
      };
      for (const [route, answer] of Object.entries(answers)) {
        expect({ route, status: answer.status, body: answer.body }).toEqual({
          route,
          status: 503,
          body: { statusCode: 503, code: 'SERVICE_UNAVAILABLE', error: expect.any(String), message: expect.any(String) },
        });
      }
    } finally {
      await t.dataSource.initialize();
    }
    await t.http().get('/api/auth/me').set('authorization', agent).expect(200);
  });
});
