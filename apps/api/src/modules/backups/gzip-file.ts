import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';

/** Streams `source` gzipped into `target`, through a `.partial` file so a failed write never looks finished. */
export async function writeGzipped(source: Readable | AsyncIterable<string | Buffer>, target: string): Promise<void> {
  const partial = `${target}.partial`;
  try {
    await pipeline(source, createGzip({ level: 6 }), createWriteStream(partial, { mode: 0o600 }));
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

export async function gunzipTo(source: string, target: string): Promise<void> {
  await pipeline(createReadStream(source), createGunzip(), createWriteStream(target, { mode: 0o600 }));
}

/** The text of a gzipped file, chunk by chunk. */
export function gunzipText(source: string): Readable {
  return createReadStream(source).pipe(createGunzip()).setEncoding('utf8');
}
