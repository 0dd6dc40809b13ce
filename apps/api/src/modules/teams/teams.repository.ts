import { Role, type Page } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Equal, In, Not } from 'typeorm';
import { keysetPage } from '../../core/pagination/keyset';
import { TenantTables, type TenantValues } from '../../core/tenancy/tenant-table';
import { Funnel } from '../funnels/entities/funnel.entity';
import { OriginGroup } from '../origins/entities/origin-group.entity';
import { User } from '../users/entities/user.entity';
import { Team } from './entities/team.entity';

export type TeamFields = Pick<TenantValues<Team>, 'name' | 'funnelId' | 'originGroupId'>;

/** The SQL of teams and of their members, all of it in the current tenant. */
@Injectable()
export class TeamsRepository {
  private readonly teams = this.tables.of(Team);
  private readonly users = this.tables.of(User);
  private readonly funnels = this.tables.of(Funnel);
  private readonly originGroups = this.tables.of(OriginGroup);

  constructor(private readonly tables: TenantTables) {}

  /** Teams by name; `onlyTeamId` narrows to one team (a manager's own, '' for none). */
  async page(options: { onlyTeamId?: string; cursor?: string; limit: number }): Promise<Page<Team>> {
    const teams = this.teams.queryBuilder('t');
    if (options.onlyTeamId !== undefined) teams.andWhere('t.id = :ownTeam', { ownTeam: options.onlyTeamId });
    return keysetPage(
      teams,
      { sortColumn: 't.name', idColumn: 't.id', direction: 'ASC', cursor: options.cursor, limit: options.limit, keyOf: (team) => [team.name, team.id] },
      (team) => team,
    );
  }

  findById(id: string): Promise<Team | null> {
    return this.teams.findOneById(id);
  }

  /** Creates the team and returns its new id. */
  async insert(fields: TeamFields): Promise<string> {
    const id = randomUUID();
    await this.teams.insert({ id, name: fields.name, funnelId: fields.funnelId ?? null, originGroupId: fields.originGroupId ?? null });
    return id;
  }

  update(id: string, fields: Partial<TeamFields>): Promise<void> {
    return this.teams.update({ id: Equal(id) }, fields);
  }

  delete(id: string): Promise<void> {
    return this.teams.delete({ id: Equal(id) });
  }

  funnelExists(id: string): Promise<boolean> {
    return this.funnels.exists({ id: Equal(id) });
  }

  originGroupExists(id: string): Promise<boolean> {
    return this.originGroups.exists({ id: Equal(id) });
  }

  /** Users that may join a team (super admins never do). */
  assignableUsers(ids: string[]): Promise<User[]> {
    return ids.length ? this.users.find({ id: In(ids), role: Not(Role.SuperAdmin) }) : Promise.resolve([]);
  }

  /** The team's members, except `keepIds`. */
  membersExcept(teamId: string, keepIds: string[]): Promise<User[]> {
    return this.users.find({ teamId: Equal(teamId), ...(keepIds.length ? { id: Not(In(keepIds)) } : {}) });
  }

  async setTeamOf(userIds: string[], teamId: string | null): Promise<void> {
    if (userIds.length) await this.users.update({ id: In(userIds) }, { teamId });
  }

  membersOf(teamId: string): Promise<User[]> {
    return this.users.find({ teamId: Equal(teamId) }, { fullName: 'ASC' });
  }

  funnelsByIds(ids: string[]): Promise<Funnel[]> {
    return ids.length ? this.funnels.find({ id: In(ids) }) : Promise.resolve([]);
  }

  originGroupsByIds(ids: string[]): Promise<OriginGroup[]> {
    return ids.length ? this.originGroups.find({ id: In(ids) }) : Promise.resolve([]);
  }

  async memberCounts(teamIds: string[]): Promise<Map<string, number>> {
    if (!teamIds.length) return new Map();
    const rows = await this.users
      .queryBuilder('u')
      .select('u.teamId', 'teamId')
      .addSelect('COUNT(*)', 'n')
      .andWhere('u.teamId IN (:...teamIds)', { teamIds })
      .groupBy('u.teamId')
      .getRawMany<{ teamId: string; n: string | number }>();
    return new Map(rows.map((row) => [row.teamId, Number(row.n)]));
  }
}
