import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { createConnection, type Connection } from 'mysql2/promise';

/** A free TCP port on 127.0.0.1 (asked from the kernel, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A throwaway MariaDB server of our own (temp datadir, random port), so outage tests can stop
 * and start a database without touching the shared server other suites use.
 */
export class PrivateMariaDb {
  private server: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();

  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly serverArgs: string[],
  ) {}

  /** `serverArgs`: more mariadbd options, e.g. a server id and a binary log for replication. */
  static async create(serverArgs: string[] = []): Promise<PrivateMariaDb> {
    const dir = mkdtempSync(join(tmpdir(), 'fasto-mariadb-'));
    const install = spawnSync(
      'mariadb-install-db',
      ['--no-defaults', `--user=${userInfo().username}`, `--datadir=${join(dir, 'data')}`, '--auth-root-authentication-method=normal', '--skip-test-db'],
      { encoding: 'utf8' },
    );
    if (install.status !== 0) throw new Error(`mariadb-install-db failed: ${install.stderr || install.stdout}`);
    return new PrivateMariaDb(dir, await freePort(), serverArgs);
  }

  url(database: string): string {
    return `mysql://root@127.0.0.1:${this.port}/${database}`;
  }

  async start(): Promise<void> {
    const server = spawn(
      '/usr/sbin/mariadbd',
      [
        '--no-defaults',
        `--user=${userInfo().username}`,
        `--datadir=${join(this.dir, 'data')}`,
        `--socket=${join(this.dir, 'mariadb.sock')}`,
        `--pid-file=${join(this.dir, 'mariadb.pid')}`,
        `--log-error=${join(this.dir, 'error.log')}`,
        `--port=${this.port}`,
        '--bind-address=127.0.0.1',
        '--skip-name-resolve',
        '--innodb-buffer-pool-size=64M',
        // Durability is what the outage test checks: every commit reaches the log on disk.
        '--innodb-flush-log-at-trx-commit=1',
        ...this.serverArgs,
      ],
      { stdio: 'ignore' },
    );
    this.server = server;
    this.exited = new Promise((resolve) => server.once('exit', () => resolve()));
    for (let attempt = 0; attempt < 300; attempt++) {
      if (server.exitCode !== null) throw new Error(`mariadbd exited with ${server.exitCode}; see ${this.dir}/error.log`);
      const connection = await this.connect().catch(() => null);
      if (connection) {
        await connection.end();
        return;
      }
      await sleep(100);
    }
    throw new Error('mariadbd did not answer within 30 s');
  }

  /** SIGSTOP freezes the server (connections stay open, nothing answers); SIGCONT thaws it. */
  signal(signal: 'SIGSTOP' | 'SIGCONT'): void {
    this.server?.kill(signal);
  }

  /** SIGTERM is a clean shutdown (clients see ER_SERVER_SHUTDOWN); SIGKILL is a crash. */
  async stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
    if (!this.server) return;
    this.server.kill(signal);
    await this.exited;
    this.server = null;
  }

  /** SIGSTOP: the server keeps its sockets open and answers nothing (connections are accepted by the kernel, then hang). */
  freeze(): void {
    this.server?.kill('SIGSTOP');
    // kill() only sends the signal: wait until the kernel shows the process stopped ('T'), so a
    // statement sent right after cannot still be answered by a thread that had not stopped yet.
    const pid = this.server?.pid;
    const stopped = () => (pid ? readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('T') : true);
    const pause = new Int32Array(new SharedArrayBuffer(4));
    for (let waited = 0; !stopped() && waited < 2000; waited += 5) Atomics.wait(pause, 0, 0, 5);
  }

  /** SIGCONT: the frozen server carries on where it stopped. */
  thaw(): void {
    this.server?.kill('SIGCONT');
  }

  connect(database?: string): Promise<Connection> {
    return createConnection({ host: '127.0.0.1', port: this.port, user: 'root', database, connectTimeout: 2000 });
  }

  async destroy(): Promise<void> {
    // A frozen server would never answer a SIGTERM; SIGKILL ends it stopped or not.
    await this.stop('SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  }
}
