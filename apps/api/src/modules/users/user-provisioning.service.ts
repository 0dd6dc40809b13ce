import { ErrorCode, Role } from '@fasto/contracts';
import { ConflictException, HttpException, Injectable, Logger, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { isUniqueViolation } from '../../core/database/unique-violation';
import { DomainEvents } from '../../core/events/domain-events';
import { apiError } from '../../core/errors/api-error';
import type { RequestContext } from '../../core/http/request-context';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { AuditService } from '../audit/audit.service';
import { InvitationService } from '../auth/services/invitation.service';
import type { User } from './entities/user.entity';
import { UsersRepository } from './users.repository';

export interface NewMember {
  email: string;
  fullName: string;
  role: Role;
  teamId?: string | null;
  phone?: string | null;
}

export const ALREADY_A_MEMBER = 'A member of this organization already has this email';
/** Same words whoever holds the address (another tenant, a super admin): it names no one. */
export const EMAIL_UNAVAILABLE = 'This email cannot be used for a new member; use another address';

/**
 * One email belongs to one tenant (sign-in finds the account by email alone). Another tenant's
 * address is refused without saying so: the caller learns only that it is not free.
 */
function emailRefusal(holderTenantId: string, tenantId: string): HttpException {
  return holderTenantId === tenantId
    ? new ConflictException(apiError(ErrorCode.EmailTaken, ALREADY_A_MEMBER))
    : new UnprocessableEntityException(apiError(ErrorCode.EmailUnavailable, EMAIL_UNAVAILABLE));
}

/** Creates members (by admins, or the first admin of a new tenant) and sends their invitation. */
@Injectable()
export class UserProvisioningService {
  private readonly logger = new Logger(UserProvisioningService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly context: TenantContext,
    private readonly invitations: InvitationService,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {}

  /** Inserts the member of the current tenant inside the caller's transaction; send the invitation after it commits. */
  async insert(member: NewMember, actor: { id: string; impersonatorId?: string | null }, context: RequestContext): Promise<User> {
    const tenantId = this.context.tenantId();
    const holder = await this.holderOf(member.email, 'transaction');
    if (holder) throw emailRefusal(holder, tenantId);
    if (member.teamId && !(await this.users.teamExists(member.teamId))) throw new NotFoundException('Team not found');
    let id: string;
    try {
      id = await this.users.insert(member);
    } catch (error) {
      const holder = isUniqueViolation(error) ? await this.holderOf(member.email, 'committed') : null;
      if (holder) throw emailRefusal(holder, tenantId);
      throw error;
    }
    await this.audit.record({
      tenantId,
      actorId: actor.id,
      impersonatorId: actor.impersonatorId,
      action: 'user.created',
      entity: 'user',
      entityId: id,
      changes: { email: member.email, fullName: member.fullName, role: member.role, teamId: member.teamId ?? null },
      ...context,
    });
    await this.events.publish('user.created', { tenantId, userId: id, actorId: actor.id });
    const user = await this.users.findById(id);
    if (!user) throw new Error(`The member ${id} just inserted is missing`);
    return user;
  }

  private holderOf(email: string, view: 'transaction' | 'committed'): Promise<string | null> {
    return this.context.runAsSystem('users: which tenant holds this e-mail', () => this.users.tenantHoldingEmail(email, view));
  }

  /** After commit, in the member's tenant: the invitation email. Mail trouble never undoes the member. */
  async welcome(user: User): Promise<void> {
    try {
      await this.invitations.invite(user);
    } catch (error) {
      this.logger.error({ err: error, userId: user.id }, 'Invitation email could not be sent');
    }
  }
}
