import { afterCommit } from '../src/core/database/after-commit';
import { startTestApp, type TestApp } from './support/test-app';

describe('afterCommit', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('runs once the outermost transaction has committed, not before', async () => {
    const log: string[] = [];
    await t.dataSource.transaction(async (manager) => {
      afterCommit(manager, () => log.push('outer callback'));
      await manager.transaction(async (inner) => {
        afterCommit(inner, () => log.push('inner callback'));
      });
      log.push('inner committed');
    });
    log.push('returned');
    expect(log).toEqual(['inner committed', 'outer callback', 'inner callback', 'returned']);
  });

  it('never runs when the transaction rolls back, and the next transaction starts clean', async () => {
    const log: string[] = [];
    await expect(
      t.dataSource.transaction(async (manager) => {
        afterCommit(manager, () => log.push('rolled back callback'));
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    await t.dataSource.transaction(async (manager) => afterCommit(manager, () => log.push('committed callback')));
    expect(log).toEqual(['committed callback']);
  });

  it('runs at once outside a transaction', () => {
    const log: string[] = [];
    afterCommit(t.dataSource.manager, () => log.push('now'));
    expect(log).toEqual(['now']);
  });
});
