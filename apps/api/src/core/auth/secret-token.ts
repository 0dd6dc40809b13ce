import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: refresh tokens, invitation and reset links, API key secrets. */
export function generateSecretToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * Only this digest is stored. The tokens carry 256 bits of entropy, so a fast hash is safe
 * here (unlike passwords) and lets the database find a token by an indexed equality lookup.
 */
export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A credential people tell apart in lists: `<marker><8 hex prefix>_<256-bit secret>` (API keys, TV links). */
export function generatePrefixedToken(marker: string): { token: string; prefix: string } {
  const prefix = randomBytes(4).toString('hex');
  return { token: `${marker}${prefix}_${generateSecretToken(32)}`, prefix };
}

/** A token's `last_used_at` is written at most once a minute, so a busy caller does not write on every call. */
export function lastUseIsStale(lastUsedAt: Date | string | null, now: Date): boolean {
  return !lastUsedAt || now.getTime() - new Date(lastUsedAt).getTime() > 60_000;
}
