import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestApp } from './test-app';

/** The emails the app wrote to DATA_DIR/outbox for `to`, oldest first (quoted-printable undone, accents included). */
export function emailsTo(t: TestApp, to: string): string[] {
  const dir = join(t.config.dataDir, 'outbox');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .map((file) =>
      readFileSync(join(dir, file), 'utf8')
        .replace(/=\r?\n/g, '')
        // A run of escaped bytes is one UTF-8 sequence (`=C3=AA` is "ê").
        .replace(/(?:=[0-9A-F]{2})+/g, (run) => Buffer.from(run.replace(/=/g, ''), 'hex').toString('utf8')),
    )
    .filter((message) => new RegExp(`^To: ${to.replace(/[.]/g, '\\.')}$`, 'mi').test(message));
}

/** Waits for the next email to `to` (some are sent in the background) and returns its link token. */
export async function tokenEmailedTo(t: TestApp, to: string, path: string, after = 0): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const messages = emailsTo(t, to);
    if (messages.length > after) {
      const match = messages[messages.length - 1].match(new RegExp(`/${path}\\?token=([A-Za-z0-9_%-]+)`));
      if (!match) throw new Error(`no ${path} link in the email to ${to}`);
      return decodeURIComponent(match[1]);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no email reached ${to}`);
}
