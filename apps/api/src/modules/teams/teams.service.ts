import { ErrorCode, Role, type Page, type TeamView } from '@fasto/contracts';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { UserPrincipal } from '../../core/auth/principal';
import { apiError } from '../../core/errors/api-error';
import { Transactions } from '../../core/database/transactions';
import { isUniqueViolation } from '../../core/database/unique-violation';
import { DomainEvents } from '../../core/events/domain-events';
import { pageSize, type PageQueryDto } from '../../core/pagination/page-query.dto';
import { auditDiff } from '../audit/audit-diff';
import { AuditService } from '../audit/audit.service';
import type { RequestContext } from '../../core/http/request-context';
import type { CreateTeamDto, UpdateTeamDto } from './dto/team.dto';
import type { Team } from './entities/team.entity';
import { toTeamView, type TeamContext } from './team.mapper';
import { TeamsRepository } from './teams.repository';

const NAME_TAKEN = 'A team with this name already exists';

interface MemberMove {
  userId: string;
  fromTeamId: string | null;
  toTeamId: string | null;
}

type Transaction = Parameters<Parameters<Transactions['run']>[0]>[0];

/**
 * Teams group members and pick the funnel and origin group their attendances are judged by.
 * The tenant is the request's (TenantContext): the repository adds it to every statement.
 */
@Injectable()
export class TeamsService {
  constructor(
    private readonly teams: TeamsRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {}

  async list(principal: UserPrincipal, query: PageQueryDto): Promise<Page<TeamView>> {
    const onlyTeamId = principal.role === Role.Manager ? (principal.teamId ?? '') : undefined;
    const page = await this.teams.page({ onlyTeamId, cursor: query.cursor, limit: pageSize(query) });
    const context = await this.context(page.items);
    return { items: page.items.map((team) => toTeamView(team, context)), nextCursor: page.nextCursor };
  }

  async get(principal: UserPrincipal, id: string): Promise<TeamView> {
    const team = await this.find(id);
    if (principal.role === Role.Manager && team.id !== principal.teamId) throw new NotFoundException('Team not found');
    return this.detail(team);
  }

  async create(principal: UserPrincipal, request: CreateTeamDto, context: RequestContext): Promise<TeamView> {
    const team = await this.write(async () => {
      await this.assertCatalogs(request);
      const id = await this.teams.insert(request);
      const moves = request.memberIds ? await this.setMembers(id, request.memberIds) : [];
      const team = await this.find(id);
      await this.record(
        principal,
        'team.created',
        team.id,
        { name: team.name, funnelId: team.funnelId, originGroupId: team.originGroupId, members: moves.map((move) => move.userId) },
        context,
      );
      await this.announce(principal, moves);
      return team;
    });
    return this.detail(team);
  }

  async update(principal: UserPrincipal, id: string, request: UpdateTeamDto, context: RequestContext): Promise<TeamView> {
    const team = await this.write(async () => {
      const before = await this.find(id);
      await this.assertCatalogs(request);
      const { memberIds, ...fields } = request;
      const changes: Record<string, unknown> = auditDiff(before, fields);
      if (Object.keys(changes).length > 0) await this.teams.update(before.id, fields);
      const moves = memberIds ? await this.setMembers(before.id, memberIds) : [];
      if (moves.length > 0) changes['members'] = moves;
      if (Object.keys(changes).length > 0) await this.record(principal, 'team.updated', before.id, changes, context);
      await this.announce(principal, moves);
      return this.find(before.id);
    });
    return this.detail(team);
  }

  /** Members stay in the tenant without a team; past attendances keep their team snapshot. */
  async remove(principal: UserPrincipal, id: string, context: RequestContext): Promise<void> {
    await this.transactions.run(async () => {
      const team = await this.find(id);
      const moves = await this.setMembers(team.id, []);
      await this.teams.delete(team.id);
      await this.record(principal, 'team.deleted', team.id, { name: team.name, members: moves.map((move) => move.userId) }, context);
      await this.announce(principal, moves);
    });
  }

  /** Makes `memberIds` exactly the team's members and reports who moved. */
  private async setMembers(teamId: string, memberIds: string[]): Promise<MemberMove[]> {
    const joining = await this.teams.assignableUsers(memberIds);
    if (joining.length !== memberIds.length) throw new NotFoundException('Member not found');
    const leaving = await this.teams.membersExcept(teamId, memberIds);
    const moves: MemberMove[] = [
      ...leaving.map((user) => ({ userId: user.id, fromTeamId: teamId, toTeamId: null })),
      ...joining.filter((user) => user.teamId !== teamId).map((user) => ({ userId: user.id, fromTeamId: user.teamId, toTeamId: teamId })),
    ];
    await this.teams.setTeamOf(
      leaving.map((user) => user.id),
      null,
    );
    await this.teams.setTeamOf(
      moves.filter((move) => move.toTeamId === teamId).map((move) => move.userId),
      teamId,
    );
    return moves;
  }

  private async assertCatalogs(request: { funnelId?: string | null; originGroupId?: string | null }): Promise<void> {
    if (request.funnelId && !(await this.teams.funnelExists(request.funnelId))) throw new NotFoundException('Funnel not found');
    if (request.originGroupId && !(await this.teams.originGroupExists(request.originGroupId))) throw new NotFoundException('Origin group not found');
  }

  private async write<T>(work: (transaction: Transaction) => Promise<T>): Promise<T> {
    try {
      return await this.transactions.run(work);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictException(apiError(ErrorCode.NameTaken, NAME_TAKEN));
      throw error;
    }
  }

  private async find(id: string): Promise<Team> {
    const team = await this.teams.findById(id);
    if (!team) throw new NotFoundException('Team not found');
    return team;
  }

  private record(principal: UserPrincipal, action: string, teamId: string, changes: Record<string, unknown>, context: RequestContext) {
    return this.audit.record({
      tenantId: principal.tenantId,
      actorId: principal.userId,
      impersonatorId: principal.impersonatorId,
      action,
      entity: 'team',
      entityId: teamId,
      changes,
      ...context,
    });
  }

  private async announce(principal: UserPrincipal, moves: MemberMove[]): Promise<void> {
    for (const move of moves) await this.events.publish('user.team_changed', { tenantId: principal.tenantId, actorId: principal.userId, ...move });
  }

  private async detail(team: Team): Promise<TeamView> {
    const [members, context] = await Promise.all([this.teams.membersOf(team.id), this.context([team])]);
    return toTeamView(team, context, members);
  }

  private async context(teams: Team[]): Promise<TeamContext> {
    const ids = (values: (string | null)[]) => [...new Set(values.filter((value): value is string => value !== null))];
    const [funnels, groups, memberCounts] = await Promise.all([
      this.teams.funnelsByIds(ids(teams.map((team) => team.funnelId))),
      this.teams.originGroupsByIds(ids(teams.map((team) => team.originGroupId))),
      this.teams.memberCounts(teams.map((team) => team.id)),
    ]);
    return {
      funnelNames: new Map(funnels.map((funnel) => [funnel.id, funnel.name])),
      originGroupNames: new Map(groups.map((group) => [group.id, group.name])),
      memberCounts,
    };
  }
}
