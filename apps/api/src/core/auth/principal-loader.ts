import { isRole, TenantStatus } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import type { AccessTokenClaims } from './jwt-claims';
import type { UserPrincipal } from './principal';
import { TenantContext } from '../tenancy/tenant-context';
import { PrincipalCache, type PrincipalRow } from './principal-cache';
import { PrincipalsRepository } from './principals.repository';

/** An access token lives only as long as the session it was issued for; impersonation tokens have none (1 h, not refreshable). */
const sessionIsLive = (row: PrincipalRow, claims: AccessTokenClaims): boolean =>
  claims.typ === 'impersonation' || (claims.sid !== undefined && row.sessions.includes(claims.sid));

function toPrincipal(row: PrincipalRow | undefined, claims: AccessTokenClaims): UserPrincipal | null {
  // The token's tenant must still be the user's tenant; anything else is a forged or stale token.
  if (!row || !row.isActive || row.tenantId !== claims.tid || !isRole(row.role) || !sessionIsLive(row, claims)) return null;
  return {
    kind: 'user',
    userId: row.id,
    email: row.email,
    tenantId: row.tenantId,
    tenantStatus: row.tenantStatus as TenantStatus,
    role: row.role,
    teamId: row.teamId,
    sessionId: claims.sid ?? null,
    impersonatorId: claims.imp ?? null,
  };
}

/**
 * Turns verified token claims into the principal of this request, from the database (through a
 * few-second cache that any write to users or tenants clears): a deactivated user, a moved team
 * or a changed role takes effect on the next request.
 */
@Injectable()
export class PrincipalLoader {
  constructor(
    private readonly principals: PrincipalsRepository,
    private readonly context: TenantContext,
    private readonly cache: PrincipalCache,
  ) {}

  async load(claims: AccessTokenClaims): Promise<UserPrincipal | null> {
    let row = await this.cache.through(claims.sub, () => this.lookup(claims));
    // A session started after the row was cached (a sign-in on another device): read again once.
    if (row && !sessionIsLive(row, claims)) {
      this.cache.forget(claims.sub);
      row = await this.cache.through(claims.sub, () => this.lookup(claims));
    }
    return toPrincipal(row, claims);
  }

  /** The principal when its row is cached (no promise: the hot path of polling tabs); undefined when it must be loaded. */
  cached(claims: AccessTokenClaims): UserPrincipal | null | undefined {
    const row = this.cache.get(claims.sub);
    return row === undefined || !sessionIsLive(row, claims) ? undefined : toPrincipal(row, claims);
  }

  /** Before the request has a tenant: the user is found by id across tenants, and toPrincipal checks the token's tenant. */
  private lookup({ sub: userId, tid: tenantId }: AccessTokenClaims): Promise<PrincipalRow | undefined> {
    return this.context.runAsSystem('auth: principal by user id', () => this.principals.byUserId(userId, tenantId));
  }
}
