export const JWT_ALGORITHM = 'HS256';
export const JWT_ISSUER = 'fasto';
export const JWT_AUDIENCE = 'fasto-api';

export type AccessTokenType = 'access' | 'impersonation';

/**
 * Claims of Fasto's access tokens: who and which tenant, nothing the server re-reads anyway (role,
 * team and activity come from the database on each request, through a short cache). Every byte
 * here travels with each request of every open tab.
 */
export interface AccessTokenClaims {
  sub: string;
  tid: string;
  typ: AccessTokenType;
  /** Login session (refresh-token family); absent on impersonation tokens. */
  sid?: string;
  /** The super admin behind an impersonation token. */
  imp?: string;
}
