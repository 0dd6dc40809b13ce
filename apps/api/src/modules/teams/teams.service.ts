import { ErrorCode, Role, type Page, type TeamView } from '@fasto/contracts';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Equal, In, Not, type DataSource, type EntityManager } from 'typeorm';
import type { UserPrincipal } from '../../core/auth/principal';
import { isUniqueViolation } from '../../core/database/unique-violation';
import { DomainEvents } from '../../core/events/domain-events';
import { keysetPage } from '../../core/pagination/keyset';
import { pageSize, type PageQueryDto } from '../../core/pagination/page-query.dto';
import { auditDiff } from '../audit/audit-diff';
import { AuditService } from '../audit/audit.service';
import type { RequestContext } from '../auth/request-context';
import { Funnel } from '../funnels/entities/funnel.entity';
import { OriginGroup } from '../origins/entities/origin-group.entity';
import { User } from '../users/entities/user.entity';
import type { CreateTeamDto, UpdateTeamDto } from './dto/team.dto';
import { Team } from './entities/team.entity';
import { toTeamView, type TeamContext } from './team.mapper';
import { apiError } from '../../core/errors/api-error';

const NAME_TAKEN = 'A team with this name already exists';

interface MemberMove {
  userId: string;
  fromTeamId: string | null;
  toTeamId: string | null;
}

/** Teams group members and pick the funnel and origin group their attendances are judged by. */
@Injectable()
export class TeamsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {}

  async list(principal: UserPrincipal, query: PageQueryDto): Promise<Page<TeamView>> {
    const teams = this.dataSource.getRepository(Team).createQueryBuilder('t').where('t.tenantId = :tenantId', { tenantId: principal.tenantId });
    if (principal.role === Role.Manager) teams.andWhere('t.id = :ownTeam', { ownTeam: principal.teamId ?? '' });
    const page = await keysetPage(
      teams,
      { sortColumn: 't.name', idColumn: 't.id', direction: 'ASC', cursor: query.cursor, limit: pageSize(query), keyOf: (team) => [team.name, team.id] },
      (team) => team,
    );
    const context = await this.context(principal.tenantId, page.items);
    return { items: page.items.map((team) => toTeamView(team, context)), nextCursor: page.nextCursor };
  }

  async get(principal: UserPrincipal, id: string): Promise<TeamView> {
    const team = await this.find(this.dataSource.manager, principal.tenantId, id);
    if (principal.role === Role.Manager && team.id !== principal.teamId) throw new NotFoundException('Team not found');
    return this.detail(team);
  }

  async create(principal: UserPrincipal, request: CreateTeamDto, context: RequestContext): Promise<TeamView> {
    const team = await this.write(async (manager) => {
      await this.assertCatalogs(manager, principal.tenantId, request);
      const team = manager.getRepository(Team).create({
        id: randomUUID(),
        tenantId: principal.tenantId,
        name: request.name,
        funnelId: request.funnelId ?? null,
        originGroupId: request.originGroupId ?? null,
      });
      await manager.getRepository(Team).insert(team);
      const moves = request.memberIds ? await this.setMembers(manager, principal.tenantId, team.id, request.memberIds) : [];
      await this.record(
        manager,
        principal,
        'team.created',
        team.id,
        { name: team.name, funnelId: team.funnelId, originGroupId: team.originGroupId, members: moves.map((move) => move.userId) },
        context,
      );
      await this.announce(manager, principal, moves);
      return this.find(manager, principal.tenantId, team.id);
    });
    return this.detail(team);
  }

  async update(principal: UserPrincipal, id: string, request: UpdateTeamDto, context: RequestContext): Promise<TeamView> {
    const team = await this.write(async (manager) => {
      const before = await this.find(manager, principal.tenantId, id);
      await this.assertCatalogs(manager, principal.tenantId, request);
      const { memberIds, ...fields } = request;
      const changes: Record<string, unknown> = auditDiff(before, fields);
      if (Object.keys(changes).length > 0) await manager.getRepository(Team).update({ id: Equal(before.id), tenantId: Equal(principal.tenantId) }, fields);
      const moves = memberIds ? await this.setMembers(manager, principal.tenantId, before.id, memberIds) : [];
      if (moves.length > 0) changes['members'] = moves;
      if (Object.keys(changes).length > 0) await this.record(manager, principal, 'team.updated', before.id, changes, context);
      await this.announce(manager, principal, moves);
      return this.find(manager, principal.tenantId, before.id);
    });
    return this.detail(team);
  }

  /** Members stay in the tenant without a team; past attendances keep their team snapshot. */
  async remove(principal: UserPrincipal, id: string, context: RequestContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const team = await this.find(manager, principal.tenantId, id);
      const moves = await this.setMembers(manager, principal.tenantId, team.id, []);
      await manager.getRepository(Team).delete({ id: Equal(team.id), tenantId: Equal(principal.tenantId) });
      await this.record(manager, principal, 'team.deleted', team.id, { name: team.name, members: moves.map((move) => move.userId) }, context);
      await this.announce(manager, principal, moves);
    });
  }

  /** Makes `memberIds` exactly the team's members and reports who moved. */
  private async setMembers(manager: EntityManager, tenantId: string, teamId: string, memberIds: string[]): Promise<MemberMove[]> {
    const users = manager.getRepository(User);
    const joining = memberIds.length ? await users.findBy({ tenantId: Equal(tenantId), id: In(memberIds), role: Not(Role.SuperAdmin) }) : [];
    if (joining.length !== memberIds.length) throw new NotFoundException('Member not found');
    const leaving = await users.findBy({ tenantId: Equal(tenantId), teamId: Equal(teamId), ...(memberIds.length ? { id: Not(In(memberIds)) } : {}) });
    const moves: MemberMove[] = [
      ...leaving.map((user) => ({ userId: user.id, fromTeamId: teamId, toTeamId: null })),
      ...joining.filter((user) => user.teamId !== teamId).map((user) => ({ userId: user.id, fromTeamId: user.teamId, toTeamId: teamId })),
    ];
    if (leaving.length) await users.update({ tenantId: Equal(tenantId), id: In(leaving.map((user) => user.id)) }, { teamId: null });
    const arriving = moves.filter((move) => move.toTeamId === teamId).map((move) => move.userId);
    if (arriving.length) await users.update({ tenantId: Equal(tenantId), id: In(arriving) }, { teamId });
    return moves;
  }

  private async assertCatalogs(manager: EntityManager, tenantId: string, request: { funnelId?: string | null; originGroupId?: string | null }): Promise<void> {
    if (request.funnelId && !(await manager.getRepository(Funnel).existsBy({ id: Equal(request.funnelId), tenantId: Equal(tenantId) }))) {
      throw new NotFoundException('Funnel not found');
    }
    if (request.originGroupId && !(await manager.getRepository(OriginGroup).existsBy({ id: Equal(request.originGroupId), tenantId: Equal(tenantId) }))) {
      throw new NotFoundException('Origin group not found');
    }
  }

  private async write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictException(apiError(ErrorCode.NameTaken, NAME_TAKEN));
      throw error;
    }
  }

  private async find(manager: EntityManager, tenantId: string, id: string): Promise<Team> {
    const team = await manager.getRepository(Team).findOneBy({ id: Equal(id), tenantId: Equal(tenantId) });
    if (!team) throw new NotFoundException('Team not found');
    return team;
  }

  private record(manager: EntityManager, principal: UserPrincipal, action: string, teamId: string, changes: Record<string, unknown>, context: RequestContext) {
    return this.audit.record(
      {
        tenantId: principal.tenantId,
        actorId: principal.userId,
        impersonatorId: principal.impersonatorId,
        action,
        entity: 'team',
        entityId: teamId,
        changes,
        ...context,
      },
      manager,
    );
  }

  private async announce(manager: EntityManager, principal: UserPrincipal, moves: MemberMove[]): Promise<void> {
    for (const move of moves) await this.events.publish(manager, 'user.team_changed', { tenantId: principal.tenantId, actorId: principal.userId, ...move });
  }

  private async detail(team: Team): Promise<TeamView> {
    const members = await this.dataSource
      .getRepository(User)
      .find({ where: { tenantId: Equal(team.tenantId), teamId: Equal(team.id) }, order: { fullName: 'ASC' } });
    return toTeamView(team, await this.context(team.tenantId, [team]), members);
  }

  private async context(tenantId: string, teams: Team[]): Promise<TeamContext> {
    const ids = (values: (string | null)[]) => [...new Set(values.filter((value): value is string => value !== null))];
    const funnelIds = ids(teams.map((team) => team.funnelId));
    const groupIds = ids(teams.map((team) => team.originGroupId));
    const teamIds = teams.map((team) => team.id);
    const [funnels, groups, counts] = await Promise.all([
      funnelIds.length ? this.dataSource.getRepository(Funnel).findBy({ tenantId: Equal(tenantId), id: In(funnelIds) }) : [],
      groupIds.length ? this.dataSource.getRepository(OriginGroup).findBy({ tenantId: Equal(tenantId), id: In(groupIds) }) : [],
      teamIds.length
        ? this.dataSource
            .getRepository(User)
            .createQueryBuilder('u')
            .select('u.teamId', 'teamId')
            .addSelect('COUNT(*)', 'n')
            .where('u.tenantId = :tenantId AND u.teamId IN (:...teamIds)', { tenantId, teamIds })
            .groupBy('u.teamId')
            .getRawMany<{ teamId: string; n: string | number }>()
        : [],
    ]);
    return {
      funnelNames: new Map(funnels.map((funnel) => [funnel.id, funnel.name])),
      originGroupNames: new Map(groups.map((group) => [group.id, group.name])),
      memberCounts: new Map(counts.map((row) => [row.teamId, Number(row.n)])),
    };
  }
}
