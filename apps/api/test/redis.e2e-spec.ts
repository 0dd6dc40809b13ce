import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { RateLimitStore, type Budget } from '../src/core/rate-limit/rate-limit.store';
import { RedisConnections } from '../src/core/redis/redis-connections';
import { redisEnv, TEST_REDIS_URL, untilRedisReady } from './support/redis';
import { startTestApp, type TestApp } from './support/test-app';

const budget = (capacity: number): Budget => ({ bucket: `test:${randomUUID()}`, capacity, refillMs: 60_000 });

const counterRows = async (t: TestApp, bucket: string) =>
  ((await t.dataSource.query('SELECT bucket FROM rate_limit_counters WHERE bucket = ?', [bucket])) as unknown[]).length;

/** REDIS_URL set: where the buckets live, what readiness says (docs/architecture.md, "Redis"). */
describe('Redis configured and reachable', () => {
  let t: TestApp;
  let env: Record<string, string>;
  let redis: Redis;

  beforeAll(async () => {
    env = redisEnv();
    t = await startTestApp(env);
    await untilRedisReady(t.app);
    redis = new Redis(TEST_REDIS_URL);
  });
  afterAll(async () => {
    redis.disconnect();
    await t.close();
  });

  it('keeps the buckets in Redis under the key prefix, not in the database, and they expire once full again', async () => {
    const bucket = budget(2);
    const now = Date.now();
    await t.app.get(RateLimitStore).take(bucket, now);
    const key = `${env['REDIS_KEY_PREFIX']}rate:${bucket.bucket}`;
    expect(Number(await redis.get(key))).toBe(now + 60_000);
    expect(await redis.pttl(key)).toBeGreaterThan(59_000);
    expect(await counterRows(t, bucket.bucket)).toBe(0);
  });

  it('reports Redis up in readiness', async () => {
    const ready = await t.http().get('/api/health/ready').expect(200);
    expect(ready.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, redis: { status: 'up' } } });
  });
});

describe('Redis configured but unreachable', () => {
  let t: TestApp;

  beforeAll(async () => {
    // Nothing listens on port 1: every connection attempt is refused, as with a stopped Redis.
    t = await startTestApp(redisEnv('redis://127.0.0.1:1'));
  });
  afterAll(() => t.close());

  it('limits through the database instead (neither open nor closed)', async () => {
    expect(t.app.get(RedisConnections).ready).toBe(false);
    const bucket = budget(2);
    const store = t.app.get(RateLimitStore);
    const states = [await store.take(bucket), await store.take(bucket), await store.take(bucket)];
    expect(states.map((state) => state.granted)).toEqual([true, true, false]);
    expect(await counterRows(t, bucket.bucket)).toBe(1);
  });

  it('stays ready and says Redis is down', async () => {
    const ready = await t.http().get('/api/health/ready').expect(200);
    expect(ready.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } }, error: { redis: { status: 'down' } } });
  });

  it('signs in and throttles sign-ins as without Redis', async () => {
    const email = `nobody-${randomUUID()}@example.com`;
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      statuses.push((await t.http().post('/api/auth/login').send({ email, password: 'wrong password 123' })).status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });
});
