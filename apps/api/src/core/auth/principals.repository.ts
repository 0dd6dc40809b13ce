import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, MoreThan, type DataSource } from 'typeorm';
import { activeManager } from '../database/transactions';
import { TenantContext } from '../tenancy/tenant-context';
import type { PrincipalRow } from './principal-cache';

/** The columns of a refresh token that tell whether its session is live. */
interface SessionRow {
  familyId: string;
  tenantId: string;
  userId: string;
  revokedAt: Date | null;
  expiresAt: Date;
}

/**
 * What an access token's user is right now, read before the request has a tenant: system scope
 * (the caller compares the row's tenant with the token's).
 */
@Injectable()
export class PrincipalsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly context: TenantContext,
  ) {}

  /** System scope. Plain SQL: this runs before every authenticated request whose user is not cached. */
  async byUserId(userId: string, tenantId: string): Promise<PrincipalRow | undefined> {
    this.context.system();
    const manager = activeManager(this.dataSource);
    const [[user], sessions] = await Promise.all([
      manager.query<Omit<PrincipalRow, 'sessions'>[]>(
        `SELECT u.id AS id, u.email AS email, u.tenant_id AS tenantId, u.role AS role, u.team_id AS teamId, u.is_active AS isActive, t.status AS tenantStatus
         FROM users u INNER JOIN tenants t ON t.id = u.tenant_id WHERE u.id = ?`,
        [userId],
      ),
      // Through the entity by name (core does not import modules): TypeORM writes the date as each engine stores it.
      manager.getRepository<SessionRow>('RefreshToken').find({
        select: { familyId: true },
        where: { tenantId, userId, revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      }),
    ]);
    return user && { ...user, sessions: [...new Set(sessions.map((session) => session.familyId))] };
  }
}
