import { TableBackedCache } from './table-backed-cache';

describe('TableBackedCache', () => {
  const counting = () => {
    let reads = 0;
    return { load: async () => `value ${++reads}`, reads: () => reads };
  };

  it('keeps a read for its TTL, then reads again', async () => {
    jest.useFakeTimers({ now: 0 });
    try {
      const cache = new TableBackedCache<string>(1000);
      const source = counting();
      expect(await cache.through('k', source.load)).toBe('value 1');
      expect(await cache.through('k', source.load)).toBe('value 1');
      jest.setSystemTime(1001);
      expect(await cache.through('k', source.load)).toBe('value 2');
      expect(source.reads()).toBe(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('keeps nothing with a TTL of 0, nor an undefined answer', async () => {
    const source = counting();
    const never = new TableBackedCache<string>(0);
    await never.through('k', source.load);
    await never.through('k', source.load);
    expect(source.reads()).toBe(2);
    const cache = new TableBackedCache<string>(60_000);
    expect(await cache.through('missing', async () => undefined)).toBeUndefined();
    expect(cache.get('missing')).toBeUndefined();
  });

  it('does not keep a read that a clear (a write) overtook, and forgets what it kept', async () => {
    const cache = new TableBackedCache<string>(60_000);
    let release!: () => void;
    const slow = cache.through('k', () => new Promise<string>((resolve) => (release = () => resolve('before the write'))));
    cache.clear();
    release();
    expect(await slow).toBe('before the write');
    expect(cache.get('k')).toBeUndefined();
    await cache.through('k', async () => 'after');
    expect(cache.get('k')).toBe('after');
    cache.clear();
    expect(cache.get('k')).toBeUndefined();
  });
});
