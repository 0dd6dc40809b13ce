import { TENANT_STATUSES_WITH_ACCESS } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Tenant } from '../../tenants/entities/tenant.entity';
import type { User } from '../../users/entities/user.entity';
import { normalizeEmail } from '../../../core/validation/email';

/** What signing in, refreshing and the profile need of a user and of their organization. */
export interface Account {
  user: Pick<User, 'id' | 'tenantId' | 'email' | 'fullName' | 'role' | 'teamId' | 'phone' | 'avatarUrl' | 'locale' | 'passwordHash' | 'isActive'>;
  tenant: Pick<Tenant, 'id' | 'name' | 'status'>;
}

type AccountRow = Omit<Account['user'], 'isActive'> & { isActive: number | boolean; tenantName: string; tenantStatus: Tenant['status'] };

/**
 * Plain SQL: this runs on every sign-in, refresh and profile read, and TypeORM's query builder
 * spent more CPU building and mapping the join than the database spent running it.
 */
const SELECT_ACCOUNT = `SELECT u.id AS id, u.tenant_id AS tenantId, u.email AS email, u.full_name AS fullName, u.role AS role,
  u.team_id AS teamId, u.phone AS phone, u.avatar_url AS avatarUrl, u.locale AS locale, u.password_hash AS passwordHash,
  u.is_active AS isActive, t.name AS tenantName, t.status AS tenantStatus
  FROM users u INNER JOIN tenants t ON t.id = u.tenant_id`;

/** Reads a user together with their tenant, in one query; ids are always compared as bound values. */
@Injectable()
export class AccountLookupService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  byEmail(email: string): Promise<Account | null> {
    return this.one(`${SELECT_ACCOUNT} WHERE u.email = ?`, [normalizeEmail(email)]);
  }

  byId(tenantId: string, userId: string): Promise<Account | null> {
    return this.one(`${SELECT_ACCOUNT} WHERE u.id = ? AND u.tenant_id = ?`, [userId, tenantId]);
  }

  private async one(sql: string, params: string[]): Promise<Account | null> {
    const [row] = await this.dataSource.query<AccountRow[]>(sql, params);
    if (!row) return null;
    const { tenantName, tenantStatus, isActive, ...user } = row;
    return { user: { ...user, isActive: Boolean(isActive) }, tenant: { id: user.tenantId, name: tenantName, status: tenantStatus } };
  }
}

export const tenantHasAccess = (tenant: Pick<Tenant, 'status'>): boolean => TENANT_STATUSES_WITH_ACCESS.includes(tenant.status);
