// Installs a pinned n8n 1.x into a cache folder outside the repository (FASTO_N8N_HOME, default
// ~/.cache/fasto-n8n) and reuses it on later runs; n8n's own code is never part of the repo.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const N8N_VERSION = '1.123.81';
export const N8N_HOME = process.env.FASTO_N8N_HOME || join(homedir(), '.cache', 'fasto-n8n');

// xlsx: n8n-nodes-base names a tarball on cdn.sheetjs.com, unreachable here; 0.18.5 is on the registry.
// isolated-vm: newer 6.x needs Node 22; 5.0.4 builds on Node 20.
const manifest = {
  name: 'fasto-n8n-cache',
  private: true,
  dependencies: { n8n: N8N_VERSION },
  overrides: { xlsx: '0.18.5', 'isolated-vm': '5.0.4' },
};

export function n8nBinary() {
  return join(N8N_HOME, 'app', 'node_modules', 'n8n', 'bin', 'n8n');
}

function installedVersion() {
  const file = join(N8N_HOME, 'app', 'node_modules', 'n8n', 'package.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : null;
}

export function ensureN8n(log = (line) => process.stdout.write(`${line}\n`)) {
  if (installedVersion() === N8N_VERSION && existsSync(n8nBinary())) {
    log(`n8n ${N8N_VERSION} already installed in ${N8N_HOME}`);
    return;
  }
  const appDir = join(N8N_HOME, 'app');
  mkdirSync(appDir, { recursive: true });
  writeFileSync(join(appDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  log(`installing n8n ${N8N_VERSION} into ${appDir} (first run only, several minutes)`);
  const startedAt = Date.now();
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--omit=dev', '--loglevel=error'], {
    cwd: appDir,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`npm install of n8n failed (exit ${result.status})`);
  log(`n8n installed in ${((Date.now() - startedAt) / 1000).toFixed(0)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) ensureN8n();
