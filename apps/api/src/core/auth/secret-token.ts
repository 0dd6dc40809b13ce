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
