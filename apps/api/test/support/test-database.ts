import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

/**
 * A fresh, empty database for one suite: a temporary SQLite folder by default, or a new
 * MySQL/MariaDB database next to the one DATABASE_URL names (same server and credentials).
 */
export interface TestDatabase {
  engine: 'sqlite' | 'mysql';
  dataDir: string;
  databaseUrl: string | undefined;
  drop(): Promise<void>;
}

export const testEngine = (): 'sqlite' | 'mysql' => (process.env['DATABASE_URL'] ? 'mysql' : 'sqlite');

/** `engine` defaults to the run's engine; 'sqlite' gives an embedded database even in a MySQL run (the parity suite). */
export async function createTestDatabase(engine = testEngine()): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fasto-test-'));
  const baseUrl = process.env['DATABASE_URL'];
  if (!baseUrl || engine === 'sqlite') {
    return { engine: 'sqlite', dataDir, databaseUrl: undefined, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const server = new URL(baseUrl);
  const name = `fasto_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  server.pathname = '/';
  const admin = await createConnection({ uri: server.toString() });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    engine: 'mysql',
    dataDir,
    databaseUrl: url.toString(),
    drop: async () => {
      const connection = await createConnection({ uri: server.toString() });
      await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await connection.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
