import type { Connection } from 'mysql2/promise';
import { bearerFor, call, startApiProcess, type ApiProcess, type HttpResult } from './support/api-process';
import { PrivateMariaDb } from './support/private-mariadb';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const MAX_LAG_SECONDS = 3;
/** How long after a caller's write its reads stay on the primary (replica-reads.ts: lag bound + 1 s + one check interval). */
const PIN_MS = (MAX_LAG_SECONDS + 1) * 1000 + 2000;
/** Statements of the dashboard, list and export reads (rollups, attendances); not the test's own look at the log. */
const READ_STATEMENTS = `SELECT argument FROM mysql.general_log
  WHERE command_type IN ('Query', 'Execute') AND argument LIKE '%attendance%' AND argument NOT LIKE '%general_log%'`;

interface Replication {
  state: string;
  reason: string | null;
}

/**
 * Issue 25 part 2, on real processes: a private MariaDB primary and a replica of it (binary log,
 * GTID replication, applied 1 s late so a stale read would show), and the built API with
 * DATABASE_REPLICA_URLS. The primary's general log shows it ran no read of attendances or rollups;
 * the replica's SELECT counter shows it ran them.
 */
describe('read replicas (built API, private MariaDB primary and replica)', () => {
  let primary: PrivateMariaDb;
  let replica: PrivateMariaDb;
  let api: ApiProcess;
  let manager: string;
  let admin: string;

  const onEach = async (work: (connection: Connection, server: PrivateMariaDb) => Promise<void>, servers = [primary, replica]) => {
    for (const server of servers) {
      const connection = await server.connect();
      await work(connection, server).finally(() => connection.end());
    }
  };
  const logPrimary = () =>
    onEach(
      async (connection) => {
        await connection.query("SET GLOBAL log_output = 'TABLE'");
        await connection.query('SET GLOBAL general_log = 1');
      },
      [primary],
    );
  const forgetLogs = () => onEach((connection) => connection.query('TRUNCATE TABLE mysql.general_log').then(() => undefined), [primary]);
  /** The reads of attendances and rollups the primary ran since the log was last emptied. */
  const readsOnPrimary = async (): Promise<string[]> => {
    const connection = await primary.connect();
    const [rows] = await connection.query(READ_STATEMENTS).finally(() => connection.end());
    return (rows as { argument: Buffer | string }[]).map((row) => String(row.argument));
  };
  /** SELECTs the server ran since it started (its own counter). */
  const selectsOn = async (server: PrivateMariaDb): Promise<number> => {
    const connection = await server.connect();
    const [rows] = await connection.query("SHOW GLOBAL STATUS LIKE 'Com_select'").finally(() => connection.end());
    return Number((rows as { Value: string }[])[0].Value);
  };
  const replication = async (): Promise<Replication | undefined> => {
    const ready = await call(api.baseUrl, '/api/health/ready');
    const details = (ready.body as { details?: { readReplicas?: { replicas: Replication[] } } } | null)?.details;
    return details?.readReplicas?.replicas[0];
  };
  const waitFor = async (what: string, check: () => Promise<boolean>, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; replica: ${JSON.stringify(await replication())}`);
      await sleep(200);
    }
  };
  /** Until the replica has applied everything the primary logged so far. */
  const caughtUp = async () => {
    const source = await primary.connect();
    const [[{ position }]] = (await source.query('SELECT @@gtid_binlog_pos AS position').finally(() => source.end())) as unknown as [[{ position: string }]];
    const target = await replica.connect();
    await target.query('SELECT MASTER_GTID_WAIT(?, 30)', [position]).finally(() => target.end());
  };
  const get = (path: string, authorization: string) => call(api.baseUrl, path, { headers: { authorization } });
  const readAll = async (authorization: string): Promise<HttpResult[]> => [
    await get('/api/dashboard', authorization),
    await get('/api/attendances?limit=20', authorization),
    await get('/api/attendances/export?format=csv', authorization),
  ];

  beforeAll(async () => {
    primary = await PrivateMariaDb.create(['--server-id=1', '--log-bin=primary-bin', '--binlog-format=ROW']);
    replica = await PrivateMariaDb.create(['--server-id=2', '--read-only=1', '--relay-log=replica-relay']);
    await Promise.all([primary.start(), replica.start()]);
    await onEach(
      async (connection) => {
        await connection.query("CREATE USER 'repl'@'127.0.0.1' IDENTIFIED BY 'repl-password'");
        await connection.query("GRANT REPLICATION SLAVE ON *.* TO 'repl'@'127.0.0.1'");
        await connection.query('CREATE DATABASE fasto CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
        // What the API's replica user needs: to read, and to see how far behind it is.
        await connection.query("CREATE USER 'reader'@'127.0.0.1' IDENTIFIED BY 'reader-password'");
        await connection.query("GRANT SELECT ON fasto.* TO 'reader'@'127.0.0.1'");
        await connection.query("GRANT SLAVE MONITOR ON *.* TO 'reader'@'127.0.0.1'");
      },
      [primary],
    );
    await onEach(
      async (connection) => {
        await connection.query(
          `CHANGE MASTER TO MASTER_HOST = '127.0.0.1', MASTER_PORT = ${primary.port}, MASTER_USER = 'repl', MASTER_PASSWORD = 'repl-password',
         MASTER_USE_GTID = slave_pos, MASTER_DELAY = 1`,
        );
        await connection.query('START SLAVE');
      },
      [replica],
    );
    api = await startApiProcess(primary.url('fasto'), {
      DATABASE_REPLICA_URLS: `mysql://reader:reader-password@127.0.0.1:${replica.port}/fasto`,
      REPLICA_MAX_LAG_SECONDS: String(MAX_LAG_SECONDS),
      // No sweep may read the tables this suite watches.
      JOBS_ENABLED: 'false',
    });
    manager = await bearerFor(api.baseUrl, 'manager@demo.fasto.app');
    admin = await bearerFor(api.baseUrl, 'admin@demo.fasto.app');
    await caughtUp();
    await waitFor('the replica in use', async () => (await replication())?.state === 'in_use');
    await logPrimary();
    // Signing in wrote (refresh tokens): let those callers' reads leave the primary.
    await sleep(PIN_MS);
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
    await Promise.all([primary?.destroy(), replica?.destroy()]);
  });

  it('serves dashboards, lists and exports from the replica: the primary runs none of their statements', async () => {
    await forgetLogs();
    const before = await selectsOn(replica);
    const answers = await readAll(manager);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect((answers[0].body as { totals: { attendances: number } }).totals.attendances).toBeGreaterThan(0);
    expect(await readsOnPrimary()).toEqual([]);
    // A dashboard alone runs five SELECTs (totals, days, agents, stages and origins, catalog).
    expect((await selectsOn(replica)) - before).toBeGreaterThanOrEqual(8);
  });

  it("reads a caller's own write at once (from the primary), though the replica applies it a second late", async () => {
    const list = await get('/api/attendances?limit=20', manager);
    const [first] = (list.body as { items: { id: string; converted: boolean }[] }).items;
    const edited = await call(api.baseUrl, `/api/attendances/${first.id}`, {
      method: 'PATCH',
      headers: { authorization: manager },
      body: { converted: !first.converted },
    });
    expect(edited.status).toBe(200);
    await forgetLogs();

    const after = await get('/api/attendances?limit=20', manager);
    const item = (after.body as { items: { id: string; converted: boolean }[] }).items.find((row) => row.id === first.id);
    expect(item?.converted).toBe(!first.converted);
    expect((await readsOnPrimary()).length).toBeGreaterThan(0);
    await caughtUp();
  });

  it('moves reads to the primary without an error while the replica is down, says so in readiness, and uses it again once it is back', async () => {
    const samples: HttpResult[] = [];
    let running = true;
    const worker = async () => {
      while (running) {
        for (const path of ['/api/dashboard', '/api/attendances?limit=20']) samples.push(await get(path, admin));
        await sleep(20);
      }
    };
    const workers = [worker(), worker()];
    await sleep(1000);

    await replica.stop('SIGKILL');
    await waitFor('readiness to report the replica skipped', async () => (await replication())?.state === 'skipped', 10_000);
    const ready = await call(api.baseUrl, '/api/health/ready');
    expect(ready.status).toBe(200);
    await forgetLogs();
    await sleep(1000);
    expect((await readsOnPrimary()).length).toBeGreaterThan(0);

    await replica.start();
    await waitFor('the replica in use again', async () => (await replication())?.state === 'in_use', 30_000);
    running = false;
    await Promise.all(workers);

    expect(samples.length).toBeGreaterThan(10);
    expect(
      samples.filter((sample) => sample.status !== 200 || sample.ms > 5000).map((sample) => `${sample.status} ${sample.ms} ms ${sample.text.slice(0, 120)}`),
    ).toEqual([]);

    await caughtUp();
    await forgetLogs();
    const before = await selectsOn(replica);
    expect((await readAll(admin)).map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(await readsOnPrimary()).toEqual([]);
    expect((await selectsOn(replica)) - before).toBeGreaterThanOrEqual(8);
  }, 90_000);

  it('skips a frozen replica (SIGSTOP) within a few seconds: later reads answer from the primary, and it is used again after SIGCONT', async () => {
    replica.signal('SIGSTOP');
    try {
      await waitFor('readiness to report the frozen replica skipped', async () => (await replication())?.state === 'skipped', 10_000);
      const answers = [await get('/api/dashboard', admin), await get('/api/attendances?limit=20', admin)];
      expect(answers.map((answer) => [answer.status, answer.ms < 2000])).toEqual([
        [200, true],
        [200, true],
      ]);
    } finally {
      replica.signal('SIGCONT');
    }
    await waitFor('the thawed replica in use again', async () => (await replication())?.state === 'in_use', 30_000);
  }, 60_000);
});
