import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Readable } from 'node:stream';
import type { MysqlTarget } from './mysql-connection';

/** `mariadb-dump` or `mysqldump` when one is on PATH, else null (our own dumper is used). */
export function findDumpTool(path = process.env['PATH'] ?? ''): string | null {
  for (const tool of ['mariadb-dump', 'mysqldump']) {
    for (const dir of path.split(delimiter).filter(Boolean)) {
      try {
        accessSync(join(dir, tool), constants.X_OK);
        return join(dir, tool);
      } catch {
        // not in this folder
      }
    }
  }
  return null;
}

/**
 * Runs the dump tool on one consistent snapshot (--single-transaction, no table locks) and yields
 * its output; the password goes through MYSQL_PWD, never the command line (visible in `ps`).
 */
export async function* runDumpTool(tool: string, target: MysqlTarget): AsyncGenerator<Buffer> {
  const child = spawn(
    tool,
    [
      `--host=${target.host}`,
      `--port=${target.port}`,
      `--user=${target.user}`,
      '--protocol=TCP',
      '--single-transaction',
      '--quick',
      '--skip-lock-tables',
      '--no-tablespaces',
      '--hex-blob',
      '--default-character-set=utf8mb4',
      // No --databases: the dump carries no USE/CREATE DATABASE, so it restores into any database.
      target.database,
    ],
    { env: { ...process.env, MYSQL_PWD: target.password }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  for await (const chunk of child.stdout as Readable) yield chunk as Buffer;
  const code = await exited;
  if (code !== 0) throw new Error(`${tool} exited with ${code}: ${stderr.trim()}`);
}
