import type { AppConfig } from '../../core/config/app-config';
import { ClusterBus } from '../../core/redis/cluster-bus';
import { RedisConnections } from '../../core/redis/redis-connections';
import { NotificationSignals } from './notification-signals';
import type { NotificationsRepository } from './notifications.repository';
import { UnreadCounts } from './unread-counts';

const config = (unreadCountCacheMs: number) => ({ notifications: { unreadCountCacheMs } }) as AppConfig;

function setUp(ttlMs = 5_000) {
  const answers: ((count: number) => void)[] = [];
  const unreadCount = jest.fn(() => new Promise<number>((resolve) => answers.push(resolve)));
  const signals = new NotificationSignals(new ClusterBus(new RedisConnections({ redis: null } as AppConfig)));
  const counts = new UnreadCounts({ unreadCount } as unknown as NotificationsRepository, config(ttlMs), signals);
  return { counts, signals, unreadCount, answer: (count: number) => answers.shift()?.(count) };
}

describe('UnreadCounts', () => {
  it('answers a kept count as a plain number, without a query', async () => {
    const { counts, unreadCount, answer } = setUp();
    const first = counts.of('user-1');
    answer(3);
    expect(await first).toBe(3);
    expect(counts.of('user-1')).toBe(3);
    expect(unreadCount).toHaveBeenCalledTimes(1);
  });

  it('forgets a user whose notifications changed', async () => {
    const { counts, signals, unreadCount, answer } = setUp();
    const first = counts.of('user-1');
    answer(3);
    await first;
    signals.changed(['user-1']);
    const second = counts.of('user-1');
    answer(4);
    expect(await second).toBe(4);
    expect(unreadCount).toHaveBeenCalledTimes(2);
  });

  it('does not keep a count read while a change was made (the read may predate it)', async () => {
    const { counts, signals, unreadCount, answer } = setUp();
    const racing = counts.of('user-1');
    signals.changed(['user-1']);
    answer(3);
    expect(await racing).toBe(3);
    const next = counts.of('user-1');
    expect(next).toBeInstanceOf(Promise);
    answer(4);
    expect(await next).toBe(4);
    expect(unreadCount).toHaveBeenCalledTimes(2);
  });

  it('keeps nothing when the cache is turned off (0 ms)', async () => {
    const { counts, unreadCount, answer } = setUp(0);
    const first = counts.of('user-1');
    answer(1);
    await first;
    const second = counts.of('user-1');
    answer(1);
    await second;
    expect(unreadCount).toHaveBeenCalledTimes(2);
  });
});
