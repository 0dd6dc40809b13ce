import { isRole, TenantStatus } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AccessTokenClaims } from './jwt-claims';
import type { UserPrincipal } from './principal';
import { PrincipalCache, type PrincipalRow } from './principal-cache';

function toPrincipal(row: PrincipalRow | undefined, claims: AccessTokenClaims): UserPrincipal | null {
  // The token's tenant must still be the user's tenant; anything else is a forged or stale token.
  if (!row || !row.isActive || row.tenantId !== claims.tid || !isRole(row.role)) return null;
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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cache: PrincipalCache,
  ) {}

  async load(claims: AccessTokenClaims): Promise<UserPrincipal | null> {
    return toPrincipal(await this.cache.through(claims.sub, () => this.lookup(claims.sub)), claims);
  }

  /** The principal when its row is cached (no promise: the hot path of polling tabs); undefined when it must be loaded. */
  cached(claims: AccessTokenClaims): UserPrincipal | null | undefined {
    const row = this.cache.get(claims.sub);
    return row === undefined ? undefined : toPrincipal(row, claims);
  }

  /** Plain SQL: this runs before every authenticated request whose user is not cached. */
  private async lookup(userId: string): Promise<PrincipalRow | undefined> {
    const [row] = await this.dataSource.query<PrincipalRow[]>(
      `SELECT u.id AS id, u.email AS email, u.tenant_id AS tenantId, u.role AS role, u.team_id AS teamId, u.is_active AS isActive, t.status AS tenantStatus
       FROM users u INNER JOIN tenants t ON t.id = u.tenant_id WHERE u.id = ?`,
      [userId],
    );
    return row;
  }
}
