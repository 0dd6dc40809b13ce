import { Role, TENANT_STATUSES_WITH_ACCESS, type DigestFrequency, type TenantStatus } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Equal, type DataSource } from 'typeorm';
import type { TenantOwnedEntity } from '../../core/database/base.entity';
import { withDeadlockRetry } from '../../core/database/deadlock-retry';
import type { Statement } from '../../core/database/insert-statement';
import { updateRowsStatement } from '../../core/database/row-statements';
import { cacheNeutralWrite } from '../../core/database/table-writes';
import { activeManager, inOneTransaction } from '../../core/database/transactions';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { TenantTables } from '../../core/tenancy/tenant-table';
import { normalizeEmail } from '../../core/validation/email';

/** What signing in, refreshing and the profile need of a user and of their organization. */
export interface Account {
  user: {
    id: string;
    tenantId: string;
    email: string;
    fullName: string;
    role: Role;
    teamId: string | null;
    phone: string | null;
    avatarUrl: string | null;
    locale: string | null;
    digest: DigestFrequency;
    /** argon2id; null until an invited user sets a password. */
    passwordHash: string | null;
    isActive: boolean;
  };
  tenant: { id: string; name: string; status: TenantStatus };
}

/** What an invitation e-mail says of the invited member. */
export interface Invitee {
  email: string;
  fullName: string;
  locale: string | null;
  tenantName: string;
  tenantLocale: string;
  teamName: string | null;
}

/** The columns of the users table that authentication writes (the entity is the users module's; auth stays below it). */
interface UserColumns extends TenantOwnedEntity {
  passwordHash: string | null;
  lastLoginAt: Date | null;
}

type AccountRow = Omit<Account['user'], 'isActive'> & { isActive: number | boolean; tenantName: string; tenantStatus: TenantStatus };

export const tenantHasAccess = (tenant: { status: TenantStatus }): boolean => TENANT_STATUSES_WITH_ACCESS.includes(tenant.status);

/**
 * Plain SQL: this runs on every sign-in, refresh and profile read, and TypeORM's query builder
 * spent more CPU building and mapping the join than the database spent running it.
 */
const SELECT_ACCOUNT = `SELECT u.id AS id, u.tenant_id AS tenantId, u.email AS email, u.full_name AS fullName, u.role AS role,
  u.team_id AS teamId, u.phone AS phone, u.avatar_url AS avatarUrl, u.locale AS locale, u.digest AS digest, u.password_hash AS passwordHash,
  u.is_active AS isActive, t.name AS tenantName, t.status AS tenantStatus
  FROM users u INNER JOIN tenants t ON t.id = u.tenant_id`;

/**
 * The accounts that authentication reads and writes: a user with their tenant. Signing in by
 * e-mail finds the account before its tenant is known (system scope); the rest is the current tenant's.
 */
@Injectable()
export class AccountsRepository {
  private readonly users = this.tables.of<UserColumns>('User');

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
  firstActiveAdmin(): Promise<Account | null> {
    return this.one(`${SELECT_ACCOUNT} WHERE u.tenant_id = ? AND u.role = ? AND u.is_active = ? ORDER BY u.created_at, u.email LIMIT 1`, [
      this.context.tenantId(),
      Role.Admin,
      1,
    ]);
  }

  /** System scope: a super admin by id (the one behind an impersonation token). */
  async superAdminById(id: string): Promise<Pick<Account['user'], 'id' | 'email' | 'fullName'> | null> {
    this.context.system();
    const [row] = await this.manager().query<Pick<Account['user'], 'id' | 'email' | 'fullName'>[]>(
      'SELECT u.id AS id, u.email AS email, u.full_name AS fullName FROM users u WHERE u.id = ? AND u.role = ?',
      [id, Role.SuperAdmin],
    );
    return row ?? null;
  }

  /** System scope: a tenant by id (the one a super admin acts in). */
  async tenantById(id: string): Promise<(Account['tenant'] & { slug: string }) | null> {
    this.context.system();
    const [row] = await this.manager().query<(Account['tenant'] & { slug: string })[]>(
      'SELECT t.id AS id, t.name AS name, t.slug AS slug, t.status AS status FROM tenants t WHERE t.id = ?',
      [id],
    );
    return row ?? null;
  }

  /** The current tenant's member as an invitation names them: organization, team and language. */
  async invitee(userId: string): Promise<Invitee | null> {
    const [row] = await this.manager().query<Invitee[]>(
      `SELECT u.email AS email, u.full_name AS fullName, u.locale AS locale, t.name AS tenantName, t.locale AS tenantLocale, tm.name AS teamName
        FROM users u INNER JOIN tenants t ON t.id = u.tenant_id
        LEFT JOIN teams tm ON tm.id = u.team_id AND tm.tenant_id = u.tenant_id
        WHERE u.id = ? AND u.tenant_id = ?`,
      [userId, this.context.tenantId()],
    );
    return row ?? null;
  }

  /**
   * The writes of a sign-in in the current tenant, committed together in one round trip: the
   * user's sign-in time first (the session's foreign key share-locks the user row, and two logins
   * of one user holding those shared locks would deadlock on this update), then `statements`.
   */
  async recordSignIn(userId: string, statements: Statement[]): Promise<void> {
    const user = { id: userId, tenantId: this.context.tenantId() };
    // No cached principal holds the sign-in time: this write leaves the principal cache as it is.
    const signInTime = cacheNeutralWrite(updateRowsStatement<UserColumns>(this.dataSource.manager, 'User', user, { lastLoginAt: new Date() }));
    await withDeadlockRetry(() => inOneTransaction(this.dataSource, [signInTime, ...statements]));
  }

  private async one(sql: string, params: (string | number)[]): Promise<Account | null> {
    const [row] = await this.manager().query<AccountRow[]>(sql, params);
    if (!row) return null;
    const { tenantName, tenantStatus, isActive, ...user } = row;
    return { user: { ...user, isActive: Boolean(isActive) }, tenant: { id: user.tenantId, name: tenantName, status: tenantStatus } };
  }

  private manager() {
    return activeManager(this.dataSource);
  }
}
