// A private MariaDB primary and a GTID replica of it for the bench (issue 25), set up the way
// apps/api/test/resilience/read-replica.resilience-spec.ts sets up its pair, but kept running:
//   node tools/bench/replica-pair.mjs [dir]      prints BENCH_DATABASE_URL and BENCH_REPLICA_URL, Ctrl-C stops both
// The servers live in `dir` (default tmp/bench-replica-pair) and on ports the OS hands out; a second
// start on the same `dir` reuses the data (seeding a million rows takes a while). Nothing touches
// the shared server on 3306.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { WORKSPACE } from '../scripts/nx-build.mjs';
import { freePort, mysql, say } from './dataset.mjs';

const DIR = resolve(process.argv[2] ?? join(WORKSPACE, 'tmp', 'bench-replica-pair'));
const DATABASE = 'fasto_bench';
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** One mariadbd on its own datadir; `options` make it the primary (binary log) or the replica. */
async function server(name, options) {
  const dir = join(DIR, name);
  const fresh = !existsSync(join(dir, 'data'));
  if (fresh) {
    mkdirSync(dir, { recursive: true });
    const install = spawnSync(
      'mariadb-install-db',
      ['--no-defaults', `--user=${userInfo().username}`, `--datadir=${join(dir, 'data')}`, '--auth-root-authentication-method=normal', '--skip-test-db'],
      { encoding: 'utf8' },
    );
    if (install.status !== 0) throw new Error(`mariadb-install-db failed: ${install.stderr || install.stdout}`);
  }
  const port = await freePort();
  const child = spawn(
    '/usr/sbin/mariadbd',
    [
      '--no-defaults',
      `--user=${userInfo().username}`,
      `--datadir=${join(dir, 'data')}`,
      `--socket=${join(dir, 'mariadb.sock')}`,
      `--pid-file=${join(dir, 'mariadb.pid')}`,
      `--log-error=${join(dir, 'error.log')}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      '--skip-name-resolve',
      // Sized like the shared server the rest of the bench uses (dataset.mjs sizeBufferPool), same durability.
      '--innodb-buffer-pool-size=2G',
      '--innodb-flush-log-at-trx-commit=1',
      '--max-connections=500',
      ...options,
    ],
    { stdio: 'ignore' },
  );
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}; see ${dir}/error.log`);
    const connection = await mysql.createConnection({ host: '127.0.0.1', port, user: 'root', connectTimeout: 2000 }).catch(() => null);
    if (connection) return { child, port, fresh, connection };
    if (attempt > 600) throw new Error(`${name} did not answer within 60 s`);
    await sleep(100);
  }
}

const primary = await server('primary', ['--server-id=1', '--log-bin=primary-bin', '--binlog-format=ROW']);
const replica = await server('replica', ['--server-id=2', '--read-only=1', '--relay-log=replica-relay']);
const stop = () => {
  primary.child.kill('SIGTERM');
  replica.child.kill('SIGTERM');
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
try {
  if (primary.fresh) {
    for (const sql of [
      "CREATE USER 'repl'@'127.0.0.1' IDENTIFIED BY 'repl-password'",
      "GRANT REPLICATION SLAVE ON *.* TO 'repl'@'127.0.0.1'",
      `CREATE DATABASE ${DATABASE} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
      // What the API's replica user needs: to read, and to see how far behind it is.
      "CREATE USER 'reader'@'127.0.0.1' IDENTIFIED BY 'reader-password'",
      `GRANT SELECT ON ${DATABASE}.* TO 'reader'@'127.0.0.1'`,
      "GRANT SLAVE MONITOR ON *.* TO 'reader'@'127.0.0.1'",
    ])
      await primary.connection.query(sql);
  }
  // The primary's port changes from one start to the next: point the replica at it every time.
  await replica.connection.query('STOP SLAVE');
  await replica.connection.query(
    `CHANGE MASTER TO MASTER_HOST = '127.0.0.1', MASTER_PORT = ${primary.port}, MASTER_USER = 'repl', MASTER_PASSWORD = 'repl-password', MASTER_USE_GTID = slave_pos`,
  );
  await replica.connection.query('START SLAVE');
  await primary.connection.end();
  await replica.connection.end();
  const urls = {
    BENCH_DATABASE_URL: `mysql://root@127.0.0.1:${primary.port}/${DATABASE}`,
    BENCH_REPLICA_URL: `mysql://reader:reader-password@127.0.0.1:${replica.port}/${DATABASE}`,
  };
  writeFileSync(
    join(DIR, 'env'),
    Object.entries(urls)
      .map(([key, value]) => `export ${key}=${value}\n`)
      .join(''),
  );
  say(`primary and replica up; in another shell: source ${join(DIR, 'env')}`);
  process.stdout.write(readFileSync(join(DIR, 'env'), 'utf8'));
} catch (error) {
  stop();
  throw error;
}
