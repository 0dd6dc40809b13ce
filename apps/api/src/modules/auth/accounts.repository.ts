import { Role, TENANT_STATUSES_WITH_ACCESS } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Equal, type DataSource } from 'typeorm';
import { inOneTransaction, type Statement } from '../../core/database/one-round-trip';
import { updateRowsStatement } from '../../core/database/row-statements';
import { cacheNeutralWrite } from '../../core/database/table-writes';
import { withDeadlockRetry } from '../../core/database/deadlock-retry';
import { activeManager } from '../../core/database/transactions';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { TenantTables } from '../../core/tenancy/tenant-table';
import { normalizeEmail } from '../../core/validation/email';
import { Tenant } from '../tenants/entities/tenant.entity';
import { User } from '../users/entities/user.entity';

/** What signing in, refreshing and the profile need of a user and of their organization. */
export interface Account {
  user: Pick<User, 'id' | 'tenantId' | 'email' | 'fullName' | 'role' | 'teamId' | 'phone' | 'avatarUrl' | 'locale' | 'passwordHash' | 'isActive'>;
  tenant: Pick<Tenant, 'id' | 'name' | 'status'>;
}

type AccountRow = Omit<Account['user'], 'isActive'> & { isActive: number | boolean; tenantName: string; tenantStatus: Tenant['status'] };

export const tenantHasAccess = (tenant: Pick<Tenant, 'status'>): boolean => TENANT_STATUSES_WITH_ACCESS.includes(tenant.status);

/**
 * Plain SQL: this runs on every sign-in, refresh and profile read, and TypeORM's query builder
 * spent more CPU building and mapping the join than the database spent running it.
 */
const SELECT_ACCOUNT = `SELECT u.id AS id, u.tenant_id AS tenantId, u.email AS email, u.full_name AS fullName, u.role AS role,
  u.team_id AS teamId, u.phone AS phone, u.avatar_url AS avatarUrl, u.locale AS locale, u.password_hash AS passwordHash,
  u.is_active AS isActive, t.name AS tenantName, t.status AS tenantStatus
  FROM users u INNER JOIN tenants t ON t.id = u.tenant_id`;

/**
 * The accounts that authentication reads and writes: a user with their tenant. Signing in by
 * e-mail finds the account before its tenant is known (system scope); the rest is the current tenant's.
 */
@Injectable()
export class AccountsRepository {
  private readonly users = this.tables.of(User);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly context: TenantContext,
    private readonly tables: TenantTables,
  ) {}

  /** System scope: the account of an e-mail, in whichever tenant holds it. */
  byEmail(email: string): Promise<Account | null> {
    this.context.system();
    return this.one(`${SELECT_ACCOUNT} WHERE u.email = ?`, [normalizeEmail(email)]);
  }

  /** The current tenant's account with this user id. */
  byId(userId: string): Promise<Account | null> {
    return this.one(`${SELECT_ACCOUNT} WHERE u.id = ? AND u.tenant_id = ?`, [userId, this.context.tenantId()]);
  }

  setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    return this.users.update({ id: Equal(userId) }, { passwordHash });
  }

  /** The current tenant's first active admin (whom a super admin acts as). */
  async firstActiveAdmin(): Promise<User | null> {
    const [admin] = await this.users
      .queryBuilder('u')
      .andWhere({ role: Equal(Role.Admin), isActive: true })
      .orderBy('u.createdAt', 'ASC')
      .addOrderBy('u.email', 'ASC')
      .limit(1)
      .getMany();
    return admin ?? null;
  }

  /** System scope: a super admin by id (the one behind an impersonation token). */
  superAdminById(id: string): Promise<User | null> {
    this.context.system();
    return activeManager(this.dataSource)
      .getRepository(User)
      .findOneBy({ id: Equal(id), role: Equal(Role.SuperAdmin) });
  }

  /** System scope: a tenant by id (the one a super admin acts in). */
  tenantById(id: string): Promise<Tenant | null> {
    this.context.system();
    return activeManager(this.dataSource)
      .getRepository(Tenant)
      .findOneBy({ id: Equal(id) });
  }

  /**
   * The writes of a sign-in in the current tenant, committed together in one round trip: the
   * user's sign-in time first (the session's foreign key share-locks the user row, and two logins
   * of one user holding those shared locks would deadlock on this update), then `statements`.
   */
  async recordSignIn(userId: string, statements: Statement[]): Promise<void> {
    const user = { id: userId, tenantId: this.context.tenantId() };
    // No cached principal holds the sign-in time: this write leaves the principal cache as it is.
    const signInTime = cacheNeutralWrite(updateRowsStatement(this.dataSource.manager, User, user, { lastLoginAt: new Date() }));
    await withDeadlockRetry(() => inOneTransaction(this.dataSource, [signInTime, ...statements]));
  }

  private async one(sql: string, params: string[]): Promise<Account | null> {
    const [row] = await activeManager(this.dataSource).query<AccountRow[]>(sql, params);
    if (!row) return null;
    const { tenantName, tenantStatus, isActive, ...user } = row;
    return { user: { ...user, isActive: Boolean(isActive) }, tenant: { id: user.tenantId, name: tenantName, status: tenantStatus } };
  }
}
