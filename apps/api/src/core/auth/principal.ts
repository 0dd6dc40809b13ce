import type { Role, TenantStatus } from '@fasto/contracts';
import type { FastifyRequest } from 'fastify';

/** A person calling with an access (or impersonation) token, as verified against the database. */
export interface UserPrincipal {
  kind: 'user';
  userId: string;
  email: string;
  tenantId: string;
  tenantStatus: TenantStatus;
  role: Role;
  teamId: string | null;
  /** The refresh-token family (login session) the access token was issued for. */
  sessionId: string | null;
  /** Set when a super admin acts through an impersonation token. */
  impersonatorId: string | null;
}

/** n8n calling the integration API with a tenant API key. */
export interface ApiKeyPrincipal {
  kind: 'api_key';
  apiKeyId: string;
  tenantId: string;
  tenantStatus: TenantStatus;
}

/** A wall screen showing the TV board through a TV link: read-only, the board and its ticker only. */
export interface TvLinkPrincipal {
  kind: 'tv_link';
  tvLinkId: string;
  tenantId: string;
  /** The team the link shows; null for the whole organization. */
  teamId: string | null;
  tenantStatus: TenantStatus;
}

export type Principal = UserPrincipal | ApiKeyPrincipal | TvLinkPrincipal;

/** What the guards attach to the request; nothing else may set these. */
export interface AuthenticatedRequest extends FastifyRequest {
  principal?: Principal;
  tenantId?: string;
}
