import { Algorithm } from '@node-rs/argon2';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Piscina } from 'piscina';

/** argon2id at OWASP's recommended floor: 19 MiB of memory, 2 passes, 1 lane. */
export const ARGON2_OPTIONS = {
  algorithm: Algorithm.Argon2id,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** The most a thread can be niced on Linux: it gets a core only when nothing else wants it. */
const LOWEST_PRIORITY = 19;

let pool: Piscina | undefined;

/**
 * argon2 is ~10 ms of a core and 19 MiB per hash, on purpose. On libuv's shared pool a burst of
 * ten logins took every core at normal priority, and every other request waited behind the hashes
 * (QUALITY P6: `/api/auth/me` p95 went up 11 to 27 times). Here the hashes run on worker threads,
 * one per core, at the lowest priority: they use all the CPU the rest of the API leaves idle, and
 * yield it at once to anything else. Started on first use; idle threads exit after a minute.
 */
function hashingPool(): Piscina {
  pool ??= new Piscina({
    filename: join(__dirname, 'argon2.worker.js'),
    minThreads: 0,
    maxThreads: availableParallelism(),
    idleTimeout: 60_000,
    niceIncrement: LOWEST_PRIORITY,
  });
  return pool;
}

export function hashPassword(password: string): Promise<string> {
  return hashingPool().run({ password, options: ARGON2_OPTIONS }, { name: 'hash' });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await hashingPool().run({ passwordHash, password }, { name: 'verify' });
  } catch {
    // A malformed stored hash must read as "wrong password", never as a 500.
    return false;
  }
}

/** The nice value the hashing threads run at (what the test of their priority reads). */
export function hashingThreadNiceness(): Promise<number> {
  return hashingPool().run(undefined, { name: 'niceness' });
}
