import { randomUUID } from 'node:crypto';
import { DatabaseRateLimitStore } from '../src/core/rate-limit/database-rate-limit.store';
import { RateLimitStore, type Budget } from '../src/core/rate-limit/rate-limit.store';
import { RedisRateLimitStore } from '../src/core/rate-limit/redis-rate-limit.store';
import { redisEnv, untilRedisReady } from './support/redis';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The shared token buckets, with the clock passed in (milliseconds): the same assertions on the
 * database store and on the Redis store (REDIS_URL; the CI runs a Redis at 127.0.0.1:6379).
 */
describe.each([
  { name: 'the database', env: (): Record<string, string> => ({}), kind: DatabaseRateLimitStore },
  { name: 'Redis', env: redisEnv, kind: RedisRateLimitStore },
])('RateLimitStore: token buckets in $name', ({ env, kind }) => {
  let t: TestApp;
  let store: RateLimitStore;

  beforeAll(async () => {
    t = await startTestApp(env());
    await untilRedisReady(t.app);
    store = t.app.get(RateLimitStore);
    expect(store).toBeInstanceOf(kind);
  });
  afterAll(() => t.close());

  const budget = (capacity: number, refillMs: number): Budget => ({ bucket: `test:${randomUUID()}`, capacity, refillMs });
  const T0 = 1_800_000_000_000;

  it('grants the full capacity at once, then refuses with the exact wait for the next token', async () => {
    const bucket = budget(3, 1000);
    const taken = [];
    for (let index = 0; index < 3; index++) taken.push(await store.take(bucket, T0));
    expect(taken.map((state) => [state.granted, state.remaining])).toEqual([
      [true, 2],
      [true, 1],
      [true, 0],
    ]);
    expect(await store.take(bucket, T0)).toMatchObject({ granted: false, remaining: 0, retryAfterMs: 1000 });
    expect(await store.take(bucket, T0 + 250)).toMatchObject({ granted: false, retryAfterMs: 750 });
    expect(await store.take(bucket, T0 + 999)).toMatchObject({ granted: false, retryAfterMs: 1 });
    // A refused event costs nothing: the wait it was told is the real one.
    expect(await store.take(bucket, T0 + 1000)).toMatchObject({ granted: true, remaining: 0 });
  });

  it('refills one token per interval, up to the capacity', async () => {
    const bucket = budget(3, 1000);
    for (let index = 0; index < 3; index++) await store.take(bucket, T0);
    // 2.5 intervals later: two tokens are back, the third comes 500 ms later.
    expect(await store.take(bucket, T0 + 2500)).toMatchObject({ granted: true, remaining: 1 });
    expect(await store.take(bucket, T0 + 2500)).toMatchObject({ granted: true, remaining: 0 });
    expect(await store.take(bucket, T0 + 2500)).toMatchObject({ granted: false, retryAfterMs: 500 });
    // Long idle: never more than the capacity.
    const later = T0 + 3_600_000;
    expect(await store.take(bucket, later)).toMatchObject({ granted: true, remaining: 2, fullAtMs: later + 1000 });
  });

  it('peeks without taking anything', async () => {
    const bucket = budget(2, 60_000);
    expect(await store.peekAll([bucket], T0)).toEqual([{ granted: true, remaining: 2, retryAfterMs: 0, fullAtMs: T0 }]);
    await store.take(bucket, T0);
    await store.take(bucket, T0);
    expect(await store.peekAll([bucket], T0 + 1000)).toEqual([{ granted: false, remaining: 0, retryAfterMs: 59_000, fullAtMs: T0 + 120_000 }]);
    expect(await store.peekAll([bucket], T0 + 1000)).toEqual([{ granted: false, remaining: 0, retryAfterMs: 59_000, fullAtMs: T0 + 120_000 }]);
  });

  it('answers each bucket of one call on its own', async () => {
    const roomy = budget(5, 100);
    const tight = budget(1, 10_000);
    await store.take(tight, T0);
    const [a, b] = await store.takeAll([roomy, tight], T0);
    expect(a).toMatchObject({ granted: true, remaining: 4 });
    expect(b).toMatchObject({ granted: false, retryAfterMs: 10_000 });
  });

  it('takes from every bucket or from none: a caller refused by its own budget spends nothing of the shared one', async () => {
    const own = budget(1, 60_000);
    const shared = budget(3, 60_000);
    expect((await store.takeTogether([own, shared], T0)).map((state) => [state.granted, state.remaining])).toEqual([
      [true, 0],
      [true, 2],
    ]);
    for (let index = 0; index < 5; index++) {
      const [refused, untouched] = await store.takeTogether([own, shared], T0);
      expect(refused).toMatchObject({ granted: false, retryAfterMs: 60_000 });
      expect(untouched).toMatchObject({ granted: true, remaining: 2 });
    }
    expect(await store.peekAll([shared], T0)).toEqual([expect.objectContaining({ remaining: 2 })]);

    // Refused by the shared budget: the token the caller's own budget gave is given back.
    const other = budget(2, 60_000);
    await store.take(shared, T0);
    await store.take(shared, T0);
    const [given, full] = await store.takeTogether([other, shared], T0);
    expect(given).toMatchObject({ granted: true, remaining: 2 });
    expect(full).toMatchObject({ granted: false });
    expect(await store.peekAll([other], T0)).toEqual([expect.objectContaining({ remaining: 2 })]);
  });

  it('grants exactly the capacity to concurrent takes (what several instances see)', async () => {
    const bucket = budget(5, 60_000);
    const states = await Promise.all(Array.from({ length: 20 }, () => store.take(bucket, T0)));
    expect(states.filter((state) => state.granted)).toHaveLength(5);
  });

  it('compares bucket names exactly', async () => {
    const lower = budget(1, 60_000);
    const upper = { ...lower, bucket: lower.bucket.toUpperCase() };
    await store.take(lower, T0);
    expect(await store.take(upper, T0)).toMatchObject({ granted: true });
  });

  it('forgets a bucket: its statements go with the caller\'s writes, the rest once they committed', async () => {
    const bucket = budget(1, 60_000);
    await store.take(bucket, T0);
    expect(await store.take(bucket, T0)).toMatchObject({ granted: false });
    const reset = store.resetting(bucket.bucket);
    for (const statement of reset.statements) await t.dataSource.query(statement.sql, statement.params);
    await reset.afterCommit();
    expect(await store.take(bucket, T0)).toMatchObject({ granted: true });
  });
});
