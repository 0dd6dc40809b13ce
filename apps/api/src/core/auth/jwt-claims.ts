import type { Role } from '@fasto/contracts';

export const JWT_ALGORITHM = 'HS256';
export const JWT_ISSUER = 'fasto';
export const JWT_AUDIENCE = 'fasto-api';

export type AccessTokenType = 'access' | 'impersonation';

/** Claims of Fasto's access tokens. Role and team are hints: each request re-reads them. */
export interface AccessTokenClaims {
  sub: string;
  tid: string;
  role: Role;
  team: string | null;
  typ: AccessTokenType;
  /** Login session (refresh-token family); absent on impersonation tokens. */
  sid?: string;
  /** The super admin behind an impersonation token. */
  imp?: string;
}
