// `npm run e2e`: builds api + web, starts the built API (serving the SPA) on a free port with a
// fresh SQLite DATA_DIR and the demo seed, runs the browser specs in headless Chromium with
// node:test, then stops the server. Exits non-zero when anything fails.
// E2E_SKIP_BUILD=1 reuses dist/ (handy while writing specs); CHROMIUM_PATH overrides /usr/bin/chromium.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, WORKSPACE } from '../scripts/nx-build.mjs';

const startedAt = Date.now();
const log = (line) => process.stdout.write(`e2e: ${line}\n`);

function freePort() {
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

async function waitReady(baseUrl, server, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the API exited early (code ${server.exitCode})`);
    try {
      const response = await fetch(`${baseUrl}/api/health/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error('the API did not become ready in time');
}

function stop(child) {
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

if (process.env.E2E_SKIP_BUILD !== '1') build(['api', 'web']);

const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'fasto-e2e-'));
log(`starting the API on ${baseUrl} (DATA_DIR ${dataDir})`);
const server = spawn(process.execPath, [join(WORKSPACE, 'dist/apps/api/main.js')], {
  cwd: WORKSPACE,
  env: {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    PUBLIC_URL: baseUrl,
    WEB_DIST_DIR: join(WORKSPACE, 'dist/apps/web/browser'),
    SEED_DEMO: 'true',
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
const serverLog = [];
server.stdout.on('data', (chunk) => serverLog.push(chunk));
server.stderr.on('data', (chunk) => serverLog.push(chunk));

let code = 1;
try {
  await waitReady(baseUrl, server);
  log(`API ready after ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  const specs = readdirSync(join(WORKSPACE, 'tools/e2e/specs'))
    .filter((file) => file.endsWith('.spec.mjs'))
    .sort()
    .map((file) => join(WORKSPACE, 'tools/e2e/specs', file));
  const runner = spawn(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...specs], {
    cwd: WORKSPACE,
    env: { ...process.env, E2E_BASE_URL: baseUrl, E2E_DATA_DIR: dataDir },
    stdio: 'inherit',
  });
  code = await new Promise((resolve) => runner.on('exit', (exit) => resolve(exit ?? 1)));
} catch (error) {
  log(`failed: ${error instanceof Error ? error.message : String(error)}`);
  process.stderr.write(Buffer.concat(serverLog).toString().slice(-4000));
} finally {
  await stop(server);
  rmSync(dataDir, { recursive: true, force: true });
}
if (code !== 0) process.stderr.write(`\nAPI log (tail):\n${Buffer.concat(serverLog).toString().slice(-3000)}\n`);
log(`${code === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
process.exit(code);
