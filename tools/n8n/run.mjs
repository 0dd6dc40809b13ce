// `npm run test:n8n`: the example workflows of docs/n8n in a real n8n 1.x. Installs n8n once into a
// cache folder outside the repo (see install.mjs), builds and boots the API on a fresh SQLite
// DATA_DIR with the demo seed, creates an API key, installs the built n8n-nodes-fasto package and
// imports the credentials and every workflow into a throwaway n8n user folder, activates them,
// starts n8n and runs tools/n8n/specs against both.
// N8N_SKIP_BUILD=1 reuses dist/; N8N_ONLY=<text> runs only the spec files whose name contains it.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureOutput, freePort, spawnBuiltApi, stop, waitReady } from '../scripts/child-processes.mjs';
import { build, WORKSPACE } from '../scripts/nx-build.mjs';
import { ensureN8n, N8N_HOME } from './install.mjs';
import { createN8n, workflowIdOf } from './n8n-instance.mjs';
import { createApiKey, createWebhook, DEMO_PASSWORD, SIGNATURE_WEBHOOK_PATH } from './support/fasto-api.mjs';

const startedAt = Date.now();
const elapsed = () => `${((Date.now() - startedAt) / 1000).toFixed(1)} s`;
const log = (line) => process.stdout.write(`test:n8n: ${line}\n`);
const WORKFLOWS_DIR = join(WORKSPACE, 'docs/n8n');

ensureN8n(log);
if (process.env.N8N_SKIP_BUILD !== '1') build(['api', 'n8n-nodes-fasto']);

const port = await freePort();
const fastoUrl = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'fasto-n8n-api-'));
// WEBHOOK_ALLOW_PRIVATE: the n8n that receives Fasto's webhooks listens on loopback here.
const api = spawnBuiltApi(WORKSPACE, { port, dataDir, env: { DEMO_PASSWORD, WEBHOOK_ALLOW_PRIVATE: 'true' } });
const apiLog = captureOutput(api);
const n8n = await createN8n();

let code = 1;
try {
  await waitReady(fastoUrl, api);
  log(`API ready on ${fastoUrl} after ${elapsed()}`);
  const apiKey = await createApiKey(fastoUrl);
  // The signature recipe's workflow needs its secret in its configuration node before the import:
  // an admin registers its URL first, as docs/webhooks.md tells a user to.
  const signed = await createWebhook(fastoUrl, `${n8n.baseUrl}/webhook/${SIGNATURE_WEBHOOK_PATH}`, ['attendance.created']);
  n8n.installNodePackage(join(WORKSPACE, 'packages/n8n-nodes-fasto'));
  const files = n8n.importWorkflows(WORKFLOWS_DIR, { fastoUrl, apiKey, settings: { fasto_url: fastoUrl, webhook_secret: signed.secret } });
  log(`imported and activated ${files.join(', ')} after ${elapsed()}`);
  await n8n.start('fasto-atendimento');
  log(`n8n ready on ${n8n.baseUrl} after ${elapsed()}`);
  const specs = readdirSync(join(WORKSPACE, 'tools/n8n/specs'))
    .filter((file) => file.endsWith('.spec.mjs') && file.includes(process.env.N8N_ONLY ?? ''))
    .sort()
    .map((file) => join(WORKSPACE, 'tools/n8n/specs', file));
  const runner = spawn(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...specs], {
    cwd: WORKSPACE,
    env: {
      ...process.env,
      FASTO_URL: fastoUrl,
      FASTO_API_KEY: apiKey,
      FASTO_SIGNED_WEBHOOK_ID: signed.id,
      N8N_URL: n8n.baseUrl,
      N8N_DATABASE: n8n.databaseFile,
      N8N_HOME,
      N8N_WORKFLOW_IDS: JSON.stringify(Object.fromEntries(files.map((file) => [file, workflowIdOf(file)]))),
    },
    stdio: 'inherit',
  });
  code = await new Promise((resolve) => runner.on('exit', (exit) => resolve(exit ?? 1)));
} catch (error) {
  log(`failed: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  if (code !== 0) {
    process.stderr.write(`\nn8n log (tail):\n${n8n.log().slice(-4000)}\n`);
    process.stderr.write(`\nAPI log (tail):\n${apiLog.text().slice(-3000)}\n`);
  }
  await n8n.close();
  await stop(api);
  rmSync(dataDir, { recursive: true, force: true });
}
log(`${code === 0 ? 'passed' : 'FAILED'} in ${elapsed()}`);
process.exit(code);
