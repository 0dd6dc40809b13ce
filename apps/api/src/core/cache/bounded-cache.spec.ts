import { BoundedCache } from './bounded-cache';

const limits = { name: 'test values', maxEntries: 2, ttlMs: 60_000 };

describe('BoundedCache', () => {
  afterEach(() => jest.useRealTimers());

  it('loads once and then answers from memory', async () => {
    const cache = new BoundedCache<number>(limits);
    const load = jest.fn(async () => 7);
    expect(await cache.through('a', load)).toBe(7);
    expect(await cache.through('a', load)).toBe(7);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('does not keep undefined (a miss is asked again)', async () => {
    const cache = new BoundedCache<number>(limits);
    const load = jest.fn(async () => undefined);
    await cache.through('a', load);
    await cache.through('a', load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('drops the least recently used entry past maxEntries', () => {
    const cache = new BoundedCache<number>(limits);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
  });

  it('forgets an entry after its TTL', () => {
    jest.useFakeTimers();
    const cache = new BoundedCache<number>({ ...limits, ttlMs: 1_000 });
    cache.set('a', 1);
    jest.advanceTimersByTime(1_001);
    expect(cache.get('a')).toBeUndefined();
  });

  it('does not keep a value whose load raced a clear', async () => {
    const cache = new BoundedCache<number>(limits);
    let finish: (value: number) => void = () => undefined;
    const pending = cache.through('a', () => new Promise<number>((resolve) => (finish = resolve)));
    cache.clear();
    finish(1);
    expect(await pending).toBe(1);
    expect(cache.get('a')).toBeUndefined();
  });
});
