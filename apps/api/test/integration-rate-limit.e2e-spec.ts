import { randomUUID } from 'node:crypto';
import { generateApiKey } from '../src/core/auth/api-key-format';
import { hashSecretToken } from '../src/core/auth/secret-token';
import { ApiKey } from '../src/modules/integration/entities/api-key.entity';
import { idOf, DEMO } from './support/auth-helpers';
import { startTestApp, type TestApp } from './support/test-app';

describe('integration: rate limits', () => {
  let t: TestApp;
  const keys: Record<'demoA' | 'demoB' | 'acme', string> = { demoA: '', demoB: '', acme: '' };

  beforeAll(async () => {
    t = await startTestApp({ seed: true, env: { API_KEY_RATE_LIMIT_PER_MINUTE: '5', TENANT_RATE_LIMIT_PER_MINUTE: '8' } });
    const demo = (await idOf(t, DEMO.admin)).tenantId;
    const acme = (await idOf(t, DEMO.acmeAdmin)).tenantId;
    for (const [name, tenantId] of [
      ['demoA', demo],
      ['demoB', demo],
      ['acme', acme],
    ] as const) {
      const generated = generateApiKey();
      await t.dataSource.getRepository(ApiKey).insert({ id: randomUUID(), tenantId, name, prefix: generated.prefix, keyHash: hashSecretToken(generated.key) });
      keys[name] = generated.key;
    }
  });
  afterAll(() => t.close());

  const call = (key: string) => t.http().get('/api/integration/users').set('x-api-key', key);

  it('counts down per key, then answers 429 with Retry-After', async () => {
    for (let remaining = 4; remaining >= 0; remaining--) {
      const response = await call(keys.demoA).expect(200);
      expect(response.headers['x-ratelimit-limit']).toBe('5');
      expect(response.headers['x-ratelimit-remaining']).toBe(String(remaining));
      expect(Number(response.headers['x-ratelimit-reset'])).toBeGreaterThan(0);
    }
    const limited = await call(keys.demoA).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(limited.body).toMatchObject({ statusCode: 429, message: expect.stringMatching(/5 requests per minute for this key/) });
  });

  it('caps the whole tenant too, without touching other tenants', async () => {
    await call(keys.demoB).expect(200);
    await call(keys.demoB).expect(200);
    const limited = await call(keys.demoB).expect(429);
    expect(limited.body.message).toMatch(/8 requests per minute for this organization/);
    await call(keys.acme).expect(200);
  });

  it('opens again when the window has passed', async () => {
    await t.dataSource.query('UPDATE rate_limit_counters SET window_started_at_ms = window_started_at_ms - 61000');
    await call(keys.demoA).expect(200);
  });
});
