import { generatePrefixedToken } from './secret-token';

/** Every Fasto API key starts with this, so it can never be mistaken for a JWT. */
export const API_KEY_MARKER = 'fst_';
const KEY_PATTERN = /^fst_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/;

export interface GeneratedApiKey {
  /** The whole key, `fst_<prefix>_<secret>`: shown once, never stored. */
  key: string;
  /** The 8 hex characters after the marker, stored to tell keys apart in lists. */
  prefix: string;
}

/** 256 random bits of secret behind a 32-bit display prefix. */
export function generateApiKey(): GeneratedApiKey {
  const { token, prefix } = generatePrefixedToken(API_KEY_MARKER);
  return { key: token, prefix };
}

export const looksLikeApiKey = (value: string): boolean => KEY_PATTERN.test(value);
