// Builds the package the way n8n loads it: the compiled nodes and credential under dist/, next to
// their icons, as package.json's `n8n` section lists them.
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
rmSync(join(root, 'dist'), { recursive: true, force: true });
const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.lib.json')], { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
for (const node of ['Fasto', 'FastoTrigger']) cpSync(join(root, 'nodes', node, 'fasto.svg'), join(root, 'dist', 'nodes', node, 'fasto.svg'));
