import { randomUUID } from 'node:crypto';
import { generateApiKey } from '../src/core/auth/api-key-format';
import { hashSecretToken } from '../src/core/auth/secret-token';
import { ApiKey } from '../src/modules/integration/entities/api-key.entity';
import { idOf, DEMO } from './support/auth-helpers';
import { startTestApp, type TestApp } from './support/test-app';

describe('integration: rate limits', () => {
  let t: TestApp;
  const keys: Record<'demoA' | 'demoB' | 'acme' | 'acmeB', string> = { demoA: '', demoB: '', acme: '', acmeB: '' };
  const buckets = { acmeB: '', acmeTenant: '' };

  beforeAll(async () => {
    t = await startTestApp({ seed: true, env: { API_KEY_RATE_LIMIT_PER_MINUTE: '5', TENANT_RATE_LIMIT_PER_MINUTE: '8' } });
    const demo = (await idOf(t, DEMO.admin)).tenantId;
    const acme = (await idOf(t, DEMO.acmeAdmin)).tenantId;
    for (const [name, tenantId] of [
      ['demoA', demo],
      ['demoB', demo],
      ['acme', acme],
      ['acmeB', acme],
    ] as const) {
      const generated = generateApiKey();
      const id = randomUUID();
      await t.dataSource.getRepository(ApiKey).insert({ id, tenantId, name, prefix: generated.prefix, keyHash: hashSecretToken(generated.key) });
      keys[name] = generated.key;
      if (name === 'acmeB') buckets.acmeB = `api:key:${id}`;
    }
    buckets.acmeTenant = `api:tenant:${acme}`;
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

  it('caps the whole tenant too, without touching other tenants; a key refused by its own limit spends none of it', async () => {
    // demoA's five requests took five of the organization's eight; its refusals took none.
    for (let index = 0; index < 3; index++) await call(keys.demoA).expect(429);
    await call(keys.demoB).expect(200);
    await call(keys.demoB).expect(200);
    await call(keys.demoB).expect(200);
    const limited = await call(keys.demoB).expect(429);
    expect(limited.body.message).toMatch(/8 requests per minute for this organization/);
    await call(keys.acme).expect(200);
  });

  it('opens again when the window has passed', async () => {
    await t.dataSource.query('UPDATE rate_limit_counters SET refilled_at_ms = refilled_at_ms - 61000');
    await call(keys.demoA).expect(200);
  });

  /** Moves a bucket's clock back, as if `ms` had passed since its last request. */
  const elapse = (bucket: string, ms: number) =>
    t.dataSource.query('UPDATE rate_limit_counters SET refilled_at_ms = refilled_at_ms - ? WHERE bucket = ?', [ms, bucket]);
  // The organization's budget (8 per minute) is refilled in full so that only the key's budget limits these requests.
  const refillTenant = () => elapse(buckets.acmeTenant, 60_000);

  it('answers Retry-After with the real wait (one refill: 12 s at 5 per minute), and lets one request through after it', async () => {
    await refillTenant();
    for (let index = 0; index < 5; index++) await call(keys.acmeB).expect(200);
    const limited = await call(keys.acmeB).expect(429);
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(11);
    expect(retryAfter).toBeLessThanOrEqual(12);
    expect(limited.body.message).toMatch(new RegExp(`retry in ${retryAfter} s`));

    await elapse(buckets.acmeB, (retryAfter - 1) * 1000 - 500);
    await call(keys.acmeB).expect(429);
    await elapse(buckets.acmeB, 1500);
    const opened = await call(keys.acmeB).expect(200);
    expect(opened.headers['x-ratelimit-remaining']).toBe('0');
    // One token came back, not a whole minute's worth.
    await call(keys.acmeB).expect(429);
  });

  it('recovers gradually: each refill interval gives back one request, up to the full budget', async () => {
    await refillTenant();
    await elapse(buckets.acmeB, 3 * 12_000);
    const remaining: string[] = [];
    for (let index = 0; index < 3; index++) remaining.push((await call(keys.acmeB).expect(200)).headers['x-ratelimit-remaining']);
    expect(remaining).toEqual(['2', '1', '0']);
    await call(keys.acmeB).expect(429);
  });
});
