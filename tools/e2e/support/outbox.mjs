// The dev mailer writes each email as an .eml file in DATA_DIR/outbox: specs read the links people would click.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const OUTBOX = join(process.env.E2E_DATA_DIR ?? 'data', 'outbox');

/** The token of the newest emailed link to `path` sent to `email`. */
export async function emailedToken(email, path) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const files = existsSync(OUTBOX) ? readdirSync(OUTBOX).sort().reverse() : [];
    for (const file of files) {
      // Undo quoted-printable soft breaks and escapes so the link reads whole.
      const text = readFileSync(join(OUTBOX, file), 'utf8')
        .replace(/=\r?\n/g, '')
        .replace(/=3D/gi, '=');
      if (!text.includes(email)) continue;
      const match = text.match(new RegExp(`/${path}\\?token=([A-Za-z0-9_%.-]+)`));
      if (match) return decodeURIComponent(match[1]);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no ${path} email for ${email} in ${OUTBOX}`);
}
