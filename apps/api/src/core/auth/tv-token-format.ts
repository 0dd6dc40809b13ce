import { TV_TOKEN_MARKER } from '@fasto/contracts';
import { generatePrefixedToken } from './secret-token';

const TOKEN_PATTERN = /^fstv_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/;

export interface GeneratedTvToken {
  /** The whole token, `fstv_<prefix>_<secret>`: shown once, never stored. */
  token: string;
  /** The 8 hex characters after the marker, stored to tell links apart in lists. */
  prefix: string;
}

/** 256 random bits of secret behind a 32-bit display prefix, as API keys (api-key-format.ts). */
export function generateTvToken(): GeneratedTvToken {
  return generatePrefixedToken(TV_TOKEN_MARKER);
}

export const looksLikeTvToken = (value: string): boolean => TOKEN_PATTERN.test(value);
