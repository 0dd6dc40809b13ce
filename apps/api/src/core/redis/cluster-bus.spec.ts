import { randomUUID } from 'node:crypto';
import type { AppConfig } from '../config/app-config';
import { ClusterBus, RESYNC_TOPIC } from './cluster-bus';
import { RedisConnections } from './redis-connections';

/** The CI runs a Redis at 127.0.0.1:6379; this spec needs it (never skipped). */
const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

const until = async (check: () => boolean, timeoutMs = 3000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

/** Two instances' buses on one Redis, as two API replicas see it. */
describe('ClusterBus', () => {
  const connections: RedisConnections[] = [];
  const busOf = (redis: AppConfig['redis']): ClusterBus => {
    const connection = new RedisConnections({ redis } as AppConfig);
    connections.push(connection);
    const bus = new ClusterBus(connection);
    bus.onModuleInit();
    return bus;
  };
  afterAll(async () => {
    for (const connection of connections) await connection.onModuleDestroy();
  });

  it('without Redis tells this process only, at once', () => {
    const bus = busOf(null);
    const heard: unknown[] = [];
    bus.on('topic', (payload) => heard.push(payload));
    bus.publish('topic', ['user-1']);
    expect(heard).toEqual([['user-1']]);
    expect(bus.distributed).toBe(false);
    expect(bus.shared).toBe(false);
  });

  it('with Redis tells every instance once (this one at once, not again from Redis), and nothing crosses prefixes', async () => {
    const keyPrefix = `fasto-test:${randomUUID()}:`;
    const [a, b, elsewhere] = [busOf({ url: REDIS_URL, keyPrefix }), busOf({ url: REDIS_URL, keyPrefix }), busOf({ url: REDIS_URL, keyPrefix: `${keyPrefix}other:` })];
    const heard = { a: [] as unknown[], b: [] as unknown[], elsewhere: [] as unknown[], resyncs: 0 };
    a.on('topic', (payload) => heard.a.push(payload));
    b.on('topic', (payload) => heard.b.push(payload));
    elsewhere.on('topic', (payload) => heard.elsewhere.push(payload));
    b.on(RESYNC_TOPIC, () => heard.resyncs++);
    await until(() => a.shared && b.shared && elsewhere.shared);
    expect(heard.resyncs).toBe(1);

    a.publish('topic', { userIds: ['user-1'] });
    expect(heard.a).toEqual([{ userIds: ['user-1'] }]);
    await until(() => heard.b.length === 1);
    expect(heard.b).toEqual([{ userIds: ['user-1'] }]);
    // A round trip later: A did not hear its own message again, the other prefix heard nothing.
    b.publish('ping');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(heard.a).toHaveLength(1);
    expect(heard.elsewhere).toEqual([]);
  });
});
