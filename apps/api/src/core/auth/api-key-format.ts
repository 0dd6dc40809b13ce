import { generateSecretToken } from './secret-token';

/** Every Fasto API key starts with this, so it can never be mistaken for a JWT. */
export const API_KEY_MARKER = 'fsk_';
const PREFIX_LENGTH = 8;

export interface GeneratedApiKey {
  /** The whole key: shown once, never stored. */
  key: string;
  /** Its first characters after the marker, stored to tell keys apart in lists. */
  prefix: string;
}

export function generateApiKey(): GeneratedApiKey {
  const body = generateSecretToken(32);
  return { key: `${API_KEY_MARKER}${body}`, prefix: body.slice(0, PREFIX_LENGTH) };
}

export const looksLikeApiKey = (value: string): boolean => value.startsWith(API_KEY_MARKER) && value.length > API_KEY_MARKER.length + 16;
