import type { Statement } from '../src/core/database/insert-statement';
import { inOneTransaction } from '../src/core/database/transactions';
import { startTestApp, type TestApp } from './support/test-app';

/** A row of a small table every engine has (the rate-limit counters). */
const counter = (bucket: string): Statement => ({
  sql: 'INSERT INTO rate_limit_counters (bucket, refilled_at_ms, granted) VALUES (?, 1, 1)',
  params: [bucket],
});

describe('inOneTransaction', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const stored = async (bucket: string): Promise<number> => {
    const [row] = await t.dataSource.query('SELECT COUNT(*) AS n FROM rate_limit_counters WHERE bucket = ?', [bucket]);
    return Number(row.n);
  };

  it('commits every statement and returns their results in order', async () => {
    const results = await inOneTransaction<unknown[]>(t.dataSource, [
      counter('one-trip:a'),
      counter('one-trip:b'),
      { sql: 'SELECT refilled_at_ms AS refilled FROM rate_limit_counters WHERE bucket = ?', params: ['one-trip:a'] },
    ]);
    expect(results).toHaveLength(3);
    expect(Number((results[2] as { refilled: unknown }[])[0].refilled)).toBe(1);
    expect(await stored('one-trip:a')).toBe(1);
    expect(await stored('one-trip:b')).toBe(1);
  });

  it('undoes the statements before a failing one and leaves the connection outside any transaction', async () => {
    // The second insert repeats the first one's key: the unique index refuses it.
    await expect(inOneTransaction(t.dataSource, [counter('one-trip:c'), counter('one-trip:c'), counter('one-trip:d')])).rejects.toThrow();
    // The pool hands out the connection released last: a transaction left open on it would show
    // its own uncommitted first insert here.
    expect(await stored('one-trip:c')).toBe(0);
    expect(await stored('one-trip:d')).toBe(0);
    await inOneTransaction(t.dataSource, [counter('one-trip:e')]);
    expect(await stored('one-trip:e')).toBe(1);
  });
});
