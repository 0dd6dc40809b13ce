import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const WORKSPACE = resolve(__dirname, '../../..');

/** Runs the real entry point (from source) the way `npm start` would, and returns how it ended. */
function boot(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'], {
    cwd: WORKSPACE,
    encoding: 'utf8',
    timeout: 30_000,
    env: {
      PATH: process.env['PATH'] ?? '',
      TS_NODE_PROJECT: 'apps/api/tsconfig.app.json',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'fasto-boot-')),
      ...env,
    },
  });
  return { status: result.status, stderr: result.stderr.trim(), stdout: result.stdout.trim() };
}

describe('boot with a bad environment', () => {
  it.each([
    [{ NODE_ENV: 'production', SUPERADMIN_PASSWORD: 'long-enough-pass' }, 'JWT_SECRET is required in production'],
    [{ PORT: 'http' }, 'PORT'],
    [{ DATABASE_URL: 'sqlite://fasto.db' }, 'DATABASE_URL'],
  ])('%j stops the process with one clear line', (env, expected) => {
    const { status, stderr, stdout } = boot(env);
    expect(status).toBe(1);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^fasto: Invalid environment: /);
    expect(stderr).toContain(expected);
    expect(stdout).toBe('');
  });
});
