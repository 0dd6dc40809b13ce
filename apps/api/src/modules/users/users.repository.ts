import { Role, type Page } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Equal, In, Not, type DataSource } from 'typeorm';
import type { TenantOwnedEntity } from '../../core/database/base.entity';
import { containsPattern, likeInsensitive } from '../../core/database/like';
import { forUpdate } from '../../core/database/lock';
import { activeManager } from '../../core/database/transactions';
import { keysetPage } from '../../core/pagination/keyset';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { TenantTables, type TenantValues } from '../../core/tenancy/tenant-table';
import { User } from './entities/user.entity';

export type UserFields = Pick<TenantValues<User>, 'email' | 'fullName' | 'role' | 'teamId' | 'phone' | 'avatarUrl' | 'locale' | 'isActive'>;

export interface UserFilter {
  /** A manager's reach: their team, or only themselves without one. */
  onlyTeamId?: string;
  onlyUserId?: string;
  role?: Role;
  teamId?: string;
  isActive?: boolean;
  q?: string;
}

/**
 * What members need of the teams table: its entity belongs to the teams module, which builds on
 * this one (teams have members), so users name the table's entity without importing it.
 */
interface TeamColumns extends TenantOwnedEntity {
  name: string;
}

/** The SQL of the members of the current tenant; one cross-tenant read (who holds an e-mail). */
@Injectable()
export class UsersRepository {
  private readonly users = this.tables.of(User);
  private readonly teams = this.tables.of<TeamColumns>('Team');

  constructor(
    private readonly tables: TenantTables,
    private readonly context: TenantContext,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Members by full name. */
  page(filter: UserFilter, options: { cursor?: string; limit: number }): Promise<Page<User>> {
    const users = this.users.queryBuilder('u');
    if (filter.onlyTeamId !== undefined) users.andWhere('u.teamId = :ownTeam', { ownTeam: filter.onlyTeamId });
    if (filter.onlyUserId !== undefined) users.andWhere('u.id = :self', { self: filter.onlyUserId });
    if (filter.role) users.andWhere('u.role = :role', { role: filter.role });
    if (filter.teamId) users.andWhere('u.teamId = :teamId', { teamId: filter.teamId });
    if (filter.isActive !== undefined) users.andWhere('u.isActive = :isActive', { isActive: filter.isActive });
    if (filter.q) users.andWhere(`(${likeInsensitive('u.fullName', 'q')} OR ${likeInsensitive('u.email', 'q')})`, { q: containsPattern(filter.q) });
    return keysetPage(
      users,
      { sortColumn: 'u.fullName', idColumn: 'u.id', direction: 'ASC', cursor: options.cursor, limit: options.limit, keyOf: (user) => [user.fullName, user.id] },
      (user) => user,
    );
  }

  findById(id: string): Promise<User | null> {
    return this.users.findOneById(id);
  }

  /** Creates an active member with no password yet (they set it from their invitation); returns the id. */
  async insert(fields: Pick<UserFields, 'email' | 'fullName' | 'role' | 'teamId' | 'phone'>): Promise<string> {
    const id = randomUUID();
    await this.users.insert({ id, ...fields, teamId: fields.teamId ?? null, phone: fields.phone ?? null, passwordHash: null, isActive: true });
    return id;
  }

  update(id: string, fields: Partial<UserFields>): Promise<void> {
    return this.users.update({ id: Equal(id) }, fields);
  }

  setPasswordHash(id: string, passwordHash: string): Promise<void> {
    return this.users.update({ id: Equal(id) }, { passwordHash });
  }

  /** Active admins other than `userId`, locked until the transaction ends (two demotions cannot both pass). */
  otherActiveAdmins(userId: string): Promise<number> {
    return forUpdate(this.users.queryBuilder('u').andWhere({ role: Role.Admin, isActive: true, id: Not(Equal(userId)) })).getCount();
  }

  teamExists(teamId: string): Promise<boolean> {
    return this.teams.exists({ id: Equal(teamId) });
  }

  async teamNames(teamIds: (string | null)[]): Promise<Map<string, string>> {
    const ids = [...new Set(teamIds.filter((teamId): teamId is string => teamId !== null))];
    if (ids.length === 0) return new Map();
    const teams = await this.teams.find({ id: In(ids) });
    return new Map(teams.map((team) => [team.id, team.name]));
  }

  /**
   * System scope: the tenant of whoever holds this address, in any tenant (an e-mail belongs to
   * one account: sign-in finds it by e-mail alone). `committed` reads outside the running
   * transaction, whose snapshot may predate the row that just made an insert fail.
   */
  async tenantHoldingEmail(email: string, view: 'transaction' | 'committed' = 'transaction'): Promise<string | null> {
    this.context.system();
    const manager = view === 'committed' ? this.dataSource.manager : activeManager(this.dataSource);
    const holder = await manager.getRepository(User).findOne({ select: { id: true, tenantId: true }, where: { email: Equal(email) } });
    return holder?.tenantId ?? null;
  }
}
