// `npm run e2e`: builds api + web, starts the built API (serving the SPA) on a free port with a
// fresh SQLite DATA_DIR and the demo seed, runs the browser specs in headless Chromium with
// node:test, then stops the server. Exits non-zero when anything fails.
// E2E_SKIP_BUILD=1 reuses dist/ (handy while writing specs); E2E_ONLY=<text> runs only the spec files whose name
// contains it; CHROMIUM_PATH overrides /usr/bin/chromium.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnBuiltApi, stop, waitReady } from '../scripts/child-processes.mjs';
import { build, WORKSPACE } from '../scripts/nx-build.mjs';

const startedAt = Date.now();
const log = (line) => process.stdout.write(`e2e: ${line}\n`);

if (process.env.E2E_SKIP_BUILD !== '1') build(['api', 'web']);

const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'fasto-e2e-'));
log(`starting the API on ${baseUrl} (DATA_DIR ${dataDir})`);
// WEBHOOK_ALLOW_PRIVATE: the webhooks spec's receiver listens on loopback, which production refuses (SSRF).
const server = spawnBuiltApi(WORKSPACE, {
  port,
  dataDir,
  env: { WEB_DIST_DIR: join(WORKSPACE, 'dist/apps/web/browser'), WEBHOOK_ALLOW_PRIVATE: 'true' },
});
const serverLog = [];
server.stdout.on('data', (chunk) => serverLog.push(chunk));
server.stderr.on('data', (chunk) => serverLog.push(chunk));

let code = 1;
try {
  await waitReady(baseUrl, server);
  log(`API ready after ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  const specs = readdirSync(join(WORKSPACE, 'tools/e2e/specs'))
    .filter((file) => file.endsWith('.spec.mjs') && file.includes(process.env.E2E_ONLY ?? ''))
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
