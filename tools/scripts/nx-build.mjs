import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WORKSPACE = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Builds the given Nx projects. Nx's cache makes this a quick restore when nothing changed,
 * and a real build after a fresh clone or a `git pull`.
 */
export function build(projects) {
  const nx = join(WORKSPACE, 'node_modules', '.bin', 'nx');
  const result = spawnSync(nx, ['run-many', '-t', 'build', '-p', ...projects, '--outputStyle=static'], {
    cwd: WORKSPACE,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', ...process.env },
  });
  if (result.status !== 0) {
    process.stderr.write(`fasto: building ${projects.join(' and ')} failed\n`);
    process.exit(result.status ?? 1);
  }
}

/** Runs a built Node entry point in the foreground, passing signals through and its exit code back. */
export function runNode(entry, args = []) {
  return import('node:child_process').then(({ spawn }) => {
    const child = spawn(process.execPath, [join(WORKSPACE, entry), ...args], { cwd: WORKSPACE, stdio: 'inherit', env: process.env });
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
    child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  });
}
