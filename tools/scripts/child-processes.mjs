// Helpers of the scripts that boot the built API (and n8n) as child processes: a free loopback
// port, waiting for an HTTP readiness answer, and a graceful stop.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once `isReady()` is true; rejects when the child exits first or the time is up. */
export async function waitFor(what, child, isReady, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited early (code ${child.exitCode})`);
    try {
      if (await isReady()) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${what} did not become ready in time`);
}

/** Waits until the built API answers its readiness probe. */
export const waitReady = (baseUrl, server, timeoutMs = 120_000) =>
  waitFor('the API', server, async () => (await fetch(`${baseUrl}/api/health/ready`)).ok, timeoutMs);

/** SIGTERM, then SIGKILL after 10 s. */
export function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Keeps a child's output (to print the tail when something fails). */
export function captureOutput(child) {
  const chunks = [];
  child.stdout?.on('data', (chunk) => chunks.push(chunk));
  child.stderr?.on('data', (chunk) => chunks.push(chunk));
  return { text: () => Buffer.concat(chunks).toString() };
}

/**
 * The built API (`dist/apps/api/main.js`) on a loopback port, with a fresh embedded database in
 * `dataDir` and the demo seed; `env` adds to or overrides that.
 */
export function spawnBuiltApi(workspace, { port, dataDir, env = {} }) {
  return spawn(process.execPath, [join(workspace, 'dist/apps/api/main.js')], {
    cwd: workspace,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
