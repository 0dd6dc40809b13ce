import { ACCESS_TOKEN_TTL_SECONDS, IMPERSONATION_TOKEN_TTL_SECONDS } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import { BoundedCache } from '../cache/bounded-cache';
import type { AccessTokenClaims } from './jwt-claims';

/** The token of an `Authorization: Bearer <token>` header in its plain form; anything unusual is left to passport-jwt. */
export function bearerTokenOf(request: { headers: IncomingHttpHeaders }): string | null {
  const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(request.headers.authorization ?? '');
  return match ? match[1] : null;
}

/**
 * What follows `Bearer ` unchecked, for looking a token up among the remembered ones only: those
 * all passed bearerTokenOf and passport-jwt, so an odd header can never match one.
 */
export function bearerCandidateOf(request: { headers: IncomingHttpHeaders }): string | null {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7) : null;
}

interface Entry {
  token: string;
  claims: AccessTokenClaims;
  /** The token's own `exp`, in ms: a remembered token never outlives it. */
  expiresAt: number;
}

/**
 * Tokens are filed under their signature (the text after the last dot): hashing those few dozen
 * characters for the lookup is cheaper than hashing the whole token; the entry keeps the whole
 * token, and only the exact same text matches.
 */
const keyOf = (token: string): string => token.slice(token.lastIndexOf('.') + 1);

/**
 * Access tokens whose signature and claims passport-jwt already verified, remembered by their
 * exact text until their `exp`: the same bytes verify the same way, so a tab polling every few
 * seconds need not pay for the HMAC, the two JSON parses and passport's per-request machinery
 * each time. Forged or altered tokens are never remembered (they never pass the first check).
 */
@Injectable()
export class VerifiedTokens {
  /** Past maxEntries the least recently used leave (they verify through passport-jwt again); none outlives the longest-lived token. */
  private readonly tokens = new BoundedCache<Entry>({
    name: 'verified access token by signature',
    maxEntries: 20_000,
    ttlMs: Math.max(ACCESS_TOKEN_TTL_SECONDS, IMPERSONATION_TOKEN_TTL_SECONDS) * 1000,
  });

  claimsOf(token: string, now = Date.now()): AccessTokenClaims | null {
    const key = keyOf(token);
    const entry = this.tokens.get(key);
    if (!entry || entry.token !== token) return null;
    if (entry.expiresAt <= now) {
      this.tokens.forget(key);
      return null;
    }
    return entry.claims;
  }

  remember(token: string, claims: AccessTokenClaims & { exp: number }): void {
    this.tokens.set(keyOf(token), { token, claims, expiresAt: claims.exp * 1000 });
  }
}
