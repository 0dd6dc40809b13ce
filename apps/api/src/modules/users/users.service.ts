import { Role, type Page, type UserView } from '@fasto/contracts';
import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Equal, In, type DataSource, type EntityManager } from 'typeorm';
import type { UserPrincipal } from '../../core/auth/principal';
import { DomainEvents } from '../../core/events/domain-events';
import { containsPattern, likeInsensitive } from '../../core/database/like';
import { keysetPage } from '../../core/pagination/keyset';
import { pageSize } from '../../core/pagination/page-query.dto';
import { auditDiff } from '../audit/audit-diff';
import { AuditService } from '../audit/audit.service';
import type { RequestContext } from '../../core/http/request-context';
import { SessionService } from '../auth/services/session.service';
import { Team } from '../teams/entities/team.entity';
import { assertAnotherActiveAdmin, assertNoAdminGrantUnderImpersonation } from './admin-guardrails';
import type { CreateUserDto } from './dto/create-user.dto';
import type { ListUsersQuery } from './dto/list-users.query';
import { ADMIN_ONLY_USER_FIELDS, type UpdateMeDto, type UpdateUserDto } from './dto/update-user.dto';
import { User } from './entities/user.entity';
import { toUserView } from './user.mapper';
import { UserCreationLimit } from './user-creation-limit';
import { UserProvisioningService } from './user-provisioning.service';

const actorOf = (principal: UserPrincipal) => ({ id: principal.userId, impersonatorId: principal.impersonatorId });

/**
 * Members of a tenant. Admins see and manage everyone; managers see their own team and edit
 * profiles there; agents see themselves. Anyone out of reach answers 404, like a missing id.
 */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly provisioning: UserProvisioningService,
    private readonly creationLimit: UserCreationLimit,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {}

  async list(principal: UserPrincipal, query: ListUsersQuery): Promise<Page<UserView>> {
    const users = this.dataSource.getRepository(User).createQueryBuilder('u').where('u.tenantId = :tenantId', { tenantId: principal.tenantId });
    if (principal.role === Role.Manager) {
      if (principal.teamId) users.andWhere('u.teamId = :ownTeam', { ownTeam: principal.teamId });
      else users.andWhere('u.id = :self', { self: principal.userId });
    }
    if (query.role) users.andWhere('u.role = :role', { role: query.role });
    if (query.teamId) users.andWhere('u.teamId = :teamId', { teamId: query.teamId });
    if (query.isActive !== undefined) users.andWhere('u.isActive = :isActive', { isActive: query.isActive });
    if (query.q) users.andWhere(`(${likeInsensitive('u.fullName', 'q')} OR ${likeInsensitive('u.email', 'q')})`, { q: containsPattern(query.q) });

    const page = await keysetPage(
      users,
      { sortColumn: 'u.fullName', idColumn: 'u.id', direction: 'ASC', cursor: query.cursor, limit: pageSize(query), keyOf: (user) => [user.fullName, user.id] },
      (user) => user,
    );
    const teamNames = await this.teamNames(
      principal.tenantId,
      page.items.map((user) => user.teamId),
    );
    return { items: page.items.map((user) => toUserView(user, user.teamId ? (teamNames.get(user.teamId) ?? null) : null)), nextCursor: page.nextCursor };
  }

  async get(principal: UserPrincipal, id: string): Promise<UserView> {
    return this.view(await this.visible(principal, id));
  }

  async create(principal: UserPrincipal, request: CreateUserDto, context: RequestContext): Promise<UserView> {
    assertNoAdminGrantUnderImpersonation(principal, request.role, null);
    await this.creationLimit.spend(principal);
    const user = await this.dataSource.transaction((manager) => this.provisioning.insert(manager, principal.tenantId, request, actorOf(principal), context));
    await this.provisioning.welcome(user);
    return this.view(user);
  }

  async update(principal: UserPrincipal, id: string, request: UpdateUserDto, context: RequestContext): Promise<UserView> {
    if (principal.role !== Role.Admin) {
      const forbidden = ADMIN_ONLY_USER_FIELDS.filter((field) => request[field] !== undefined);
      if (forbidden.length > 0) throw new ForbiddenException(`Managers can edit name, phone and avatar only (not ${forbidden.join(', ')})`);
    }
    const target = await this.visible(principal, id);
    if (target.role === Role.SuperAdmin) throw new NotFoundException('User not found');
    assertNoAdminGrantUnderImpersonation(principal, request.role, target.role);
    if (request.isActive === false && target.id === principal.userId) throw new ConflictException('You cannot deactivate yourself');

    const updated = await this.dataSource.transaction(async (manager) => {
      const losesAdmin =
        target.role === Role.Admin && target.isActive && ((request.role !== undefined && request.role !== Role.Admin) || request.isActive === false);
      if (losesAdmin) await assertAnotherActiveAdmin(manager, principal.tenantId, target.id);
      if (request.teamId) await this.assertTeam(manager, principal.tenantId, request.teamId);
      const changes = auditDiff(target, request);
      if (Object.keys(changes).length > 0) {
        await manager.getRepository(User).update({ id: Equal(target.id), tenantId: Equal(principal.tenantId) }, request);
        await this.audit.record(
          {
            tenantId: principal.tenantId,
            actorId: principal.userId,
            impersonatorId: principal.impersonatorId,
            action: 'user.updated',
            entity: 'user',
            entityId: target.id,
            changes,
            ...context,
          },
          manager,
        );
      }
      const after = await manager.getRepository(User).findOneByOrFail({ id: Equal(target.id), tenantId: Equal(principal.tenantId) });
      if ('teamId' in changes) {
        await this.events.publish(manager, 'user.team_changed', {
          tenantId: principal.tenantId,
          userId: target.id,
          fromTeamId: target.teamId,
          toTeamId: after.teamId,
          actorId: principal.userId,
        });
      }
      return after;
    });

    if (request.isActive === false && target.isActive) await this.sessions.revokeAllForUser(principal.tenantId, target.id);
    return this.view(updated);
  }

  /** `DELETE /users/:id` deactivates (history stays attributed) and ends the member's sessions. */
  async deactivate(principal: UserPrincipal, id: string, context: RequestContext): Promise<void> {
    await this.update(principal, id, { isActive: false }, context);
  }

  /** Own profile. Agents cannot rename themselves: their name is how managers know them. */
  async updateMe(principal: UserPrincipal, request: UpdateMeDto, context: RequestContext): Promise<UserView> {
    if (principal.role === Role.Agent && request.fullName !== undefined) {
      throw new ForbiddenException('Agents cannot change their full name; ask a manager or an admin');
    }
    const me = await this.dataSource.getRepository(User).findOneBy({ id: Equal(principal.userId), tenantId: Equal(principal.tenantId) });
    if (!me) throw new NotFoundException('User not found');
    const changes = auditDiff(me, request);
    if (Object.keys(changes).length > 0) {
      await this.dataSource.transaction(async (manager) => {
        await manager.getRepository(User).update({ id: Equal(me.id), tenantId: Equal(principal.tenantId) }, request);
        await this.audit.record(
          {
            tenantId: principal.tenantId,
            actorId: me.id,
            impersonatorId: principal.impersonatorId,
            action: 'user.profile_updated',
            entity: 'user',
            entityId: me.id,
            changes,
            ...context,
          },
          manager,
        );
      });
    }
    return this.view(await this.dataSource.getRepository(User).findOneByOrFail({ id: Equal(me.id), tenantId: Equal(principal.tenantId) }));
  }

  /** The member if this principal may see them; otherwise 404, exactly like an unknown id. */
  private async visible(principal: UserPrincipal, id: string): Promise<User> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id: Equal(id), tenantId: Equal(principal.tenantId) });
    const inReach =
      user &&
      (principal.role === Role.Admin ||
        user.id === principal.userId ||
        (principal.role === Role.Manager && principal.teamId !== null && user.teamId === principal.teamId));
    if (!user || !inReach) throw new NotFoundException('User not found');
    return user;
  }

  private async assertTeam(manager: EntityManager, tenantId: string, teamId: string): Promise<void> {
    if (!(await manager.getRepository(Team).existsBy({ id: Equal(teamId), tenantId: Equal(tenantId) }))) throw new NotFoundException('Team not found');
  }

  private async view(user: User): Promise<UserView> {
    const names = await this.teamNames(user.tenantId, [user.teamId]);
    return toUserView(user, user.teamId ? (names.get(user.teamId) ?? null) : null);
  }

  private async teamNames(tenantId: string, teamIds: (string | null)[]): Promise<Map<string, string>> {
    const ids = [...new Set(teamIds.filter((teamId): teamId is string => teamId !== null))];
    if (ids.length === 0) return new Map();
    const teams = await this.dataSource.getRepository(Team).find({ select: { id: true, name: true }, where: { tenantId: Equal(tenantId), id: In(ids) } });
    return new Map(teams.map((team) => [team.id, team.name]));
  }
}
