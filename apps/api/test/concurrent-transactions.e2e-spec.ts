import { DEMO } from './support/auth-helpers';
import { startTestApp, type TestApp } from './support/test-app';

/** SQLite shares one connection between requests: transactions must take turns (sqlite-transactions.ts). */
describe('concurrent transactions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ seed: true, env: { LOGIN_MAX_FAILURES_PER_ACCOUNT: '500', LOGIN_MAX_FAILURES_PER_IP: '5000' } });
  });
  afterAll(() => t.close());

  it('signs in people at the same moment, never answering 500', async () => {
    const emails = [DEMO.admin, DEMO.manager, DEMO.agent, DEMO.otherAgent, DEMO.acmeAdmin, DEMO.admin];
    const statuses: number[] = [];
    for (let round = 0; round < 4; round++) {
      const answers = await Promise.all(emails.map((email) => t.http().post('/api/auth/login').send({ email, password: t.config.demoPassword })));
      statuses.push(...answers.map((answer) => answer.status));
    }
    expect(statuses).toEqual(statuses.map(() => 200));
  });

  it('keeps one transaction’s rollback from undoing another’s committed work', async () => {
    const marker = (name: string) =>
      t.dataSource.query('INSERT INTO job_markers (name, created_at) VALUES (?, ?)', [name, new Date().toISOString().slice(0, 19).replace('T', ' ')]);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const failing = t.dataSource.transaction(async (manager) => {
      await manager.query('INSERT INTO job_markers (name, created_at) VALUES (?, ?)', ['parity-doomed', '2026-01-01 00:00:00']);
      await held;
      throw new Error('rolled back on purpose');
    });
    const committed = t.dataSource.transaction(async (manager) => {
      await manager.query('INSERT INTO job_markers (name, created_at) VALUES (?, ?)', ['parity-kept', '2026-01-01 00:00:00']);
    });
    setTimeout(release, 50);
    await expect(failing).rejects.toThrow('rolled back on purpose');
    await committed;
    const names: { name: string }[] = await t.dataSource.query("SELECT name FROM job_markers WHERE name LIKE 'parity-%' ORDER BY name");
    expect(names.map((row) => row.name)).toEqual(['parity-kept']);
    await marker('parity-after'); // the connection is usable afterwards
  });
});
