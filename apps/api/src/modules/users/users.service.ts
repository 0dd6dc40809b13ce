import { Role, type Page, type UserView } from '@fasto/contracts';
import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { UserPrincipal } from '../../core/auth/principal';
import { Transactions } from '../../core/database/transactions';
import { DomainEvents } from '../../core/events/domain-events';
import { pageSize } from '../../core/pagination/page-query.dto';
import { auditDiff } from '../audit/audit-diff';
import { AuditService } from '../audit/audit.service';
import type { RequestContext } from '../../core/http/request-context';
import { SessionService } from '../auth/services/session.service';
import { assertAnotherActiveAdmin, assertNoAdminGrantUnderImpersonation } from './admin-guardrails';
import type { CreateUserDto } from './dto/create-user.dto';
import type { ListUsersQuery } from './dto/list-users.query';
import { ADMIN_ONLY_USER_FIELDS, type UpdateMeDto, type UpdateUserDto } from './dto/update-user.dto';
import type { User } from './entities/user.entity';
import { toUserView } from './user.mapper';
import { UserCreationLimit } from './user-creation-limit';
import { UserProvisioningService } from './user-provisioning.service';
import { UsersRepository, type UserFilter } from './users.repository';

const actorOf = (principal: UserPrincipal) => ({ id: principal.userId, impersonatorId: principal.impersonatorId });

/**
 * Members of the request's tenant (the repository takes it from TenantContext). Admins see and
 * manage everyone; managers see their own team and edit profiles there; agents see themselves.
 * Anyone out of reach answers 404, like a missing id.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly transactions: Transactions,
    private readonly provisioning: UserProvisioningService,
    private readonly creationLimit: UserCreationLimit,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {}

  async list(principal: UserPrincipal, query: ListUsersQuery): Promise<Page<UserView>> {
    const reach: UserFilter = principal.role !== Role.Manager ? {} : principal.teamId ? { onlyTeamId: principal.teamId } : { onlyUserId: principal.userId };
    const page = await this.users.page(
      { ...reach, role: query.role, teamId: query.teamId, isActive: query.isActive, q: query.q },
      { cursor: query.cursor, limit: pageSize(query) },
    );
    const teamNames = await this.users.teamNames(page.items.map((user) => user.teamId));
    return { items: page.items.map((user) => toUserView(user, user.teamId ? (teamNames.get(user.teamId) ?? null) : null)), nextCursor: page.nextCursor };
  }

  async get(principal: UserPrincipal, id: string): Promise<UserView> {
    return this.view(await this.visible(principal, id));
  }

  async create(principal: UserPrincipal, request: CreateUserDto, context: RequestContext): Promise<UserView> {
    assertNoAdminGrantUnderImpersonation(principal, request.role, null);
    await this.creationLimit.spend(principal);
    const user = await this.transactions.run(() => this.provisioning.insert(request, actorOf(principal), context));
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

    const updated = await this.transactions.run(async () => {
      const losesAdmin =
        target.role === Role.Admin && target.isActive && ((request.role !== undefined && request.role !== Role.Admin) || request.isActive === false);
      if (losesAdmin) await assertAnotherActiveAdmin(this.users, target.id);
      if (request.teamId && !(await this.users.teamExists(request.teamId))) throw new NotFoundException('Team not found');
      const changes = auditDiff(target, request);
      if (Object.keys(changes).length > 0) {
        await this.users.update(target.id, request);
        await this.audit.record({
          tenantId: principal.tenantId,
          actorId: principal.userId,
          impersonatorId: principal.impersonatorId,
          action: 'user.updated',
          entity: 'user',
          entityId: target.id,
          changes,
          ...context,
        });
      }
      const after = await this.find(target.id);
      if ('teamId' in changes) {
        await this.events.publish('user.team_changed', {
          tenantId: principal.tenantId,
          userId: target.id,
          fromTeamId: target.teamId,
          toTeamId: after.teamId,
          actorId: principal.userId,
        });
      }
      return after;
    });

    if (request.isActive === false && target.isActive) await this.sessions.revokeAllForUser(target.id);
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
    const me = await this.find(principal.userId);
    const changes = auditDiff(me, request);
    if (Object.keys(changes).length > 0) {
      await this.transactions.run(async () => {
        await this.users.update(me.id, request);
        await this.audit.record({
          tenantId: principal.tenantId,
          actorId: me.id,
          impersonatorId: principal.impersonatorId,
          action: 'user.profile_updated',
          entity: 'user',
          entityId: me.id,
          changes,
          ...context,
        });
      });
    }
    return this.view(await this.find(me.id));
  }

  /** The member if this principal may see them; otherwise 404, exactly like an unknown id. */
  private async visible(principal: UserPrincipal, id: string): Promise<User> {
    const user = await this.users.findById(id);
    const inReach =
      user &&
      (principal.role === Role.Admin ||
        user.id === principal.userId ||
        (principal.role === Role.Manager && principal.teamId !== null && user.teamId === principal.teamId));
    if (!user || !inReach) throw new NotFoundException('User not found');
    return user;
  }

  private async find(id: string): Promise<User> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundException('User not found');
    return user;
  }

  private async view(user: User): Promise<UserView> {
    const names = await this.users.teamNames([user.teamId]);
    return toUserView(user, user.teamId ? (names.get(user.teamId) ?? null) : null);
  }
}
