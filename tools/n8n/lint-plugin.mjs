// n8n's node lint rules (eslint-plugin-n8n-nodes-base) for packages/n8n-nodes-fasto, installed into
// the cache folder outside the repo that also holds n8n (see install.mjs), not as a devDependency:
// the plugin's package runs `npx only-allow pnpm` as a preinstall script, which fails every
// `npm install` of this repository (npm runs dependencies' install scripts). Installed here with
// --ignore-scripts, which skips only that check: the plugin ships built and has no other script.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { N8N_HOME } from './install.mjs';

export const N8N_LINT_PLUGIN_VERSION = '2.0.0';
const LINT_HOME = join(N8N_HOME, 'lint');
const PLUGIN = 'eslint-plugin-n8n-nodes-base';

function installedVersion() {
  const file = join(LINT_HOME, 'node_modules', PLUGIN, 'package.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : null;
}

/** The plugin, installed on first use (a few seconds; needs the registry once). */
export function n8nLintPlugin() {
  if (installedVersion() !== N8N_LINT_PLUGIN_VERSION) {
    mkdirSync(LINT_HOME, { recursive: true });
    const manifest = { name: 'fasto-n8n-lint', private: true, dependencies: { [PLUGIN]: N8N_LINT_PLUGIN_VERSION } };
    writeFileSync(join(LINT_HOME, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const result = spawnSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: LINT_HOME, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`npm install of ${PLUGIN}@${N8N_LINT_PLUGIN_VERSION} into ${LINT_HOME} failed (exit ${result.status})`);
  }
  return createRequire(join(LINT_HOME, 'package.json'))(PLUGIN);
}
