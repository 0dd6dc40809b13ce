import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { RedisConnections } from '../../src/core/redis/redis-connections';

/** The Redis the suites use (CI runs one at 127.0.0.1:6379): required, never skipped. */
export const TEST_REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** REDIS_URL with a key prefix of its own, so concurrent suites and runs never see each other's keys. */
export const redisEnv = (url = TEST_REDIS_URL): Record<string, string> => ({ REDIS_URL: url, REDIS_KEY_PREFIX: `fasto-test:${randomUUID()}:` });

/** Redis connects in the background; a suite that means to use it waits for it (a no-op without REDIS_URL). */
export async function untilRedisReady(app: INestApplication, timeoutMs = 5000): Promise<void> {
  const redis = app.get(RedisConnections);
  const deadline = Date.now() + timeoutMs;
  while (redis.configured && !redis.ready) {
    if (Date.now() > deadline) throw new Error(`Redis at ${TEST_REDIS_URL} is not reachable: the suite needs it`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
