import { ErrorCode, Role } from '@fasto/contracts';
import { ConflictException, HttpException, Injectable, Logger, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Equal, type DataSource, type EntityManager } from 'typeorm';
import { DomainEvents } from '../../core/events/domain-events';
import { isUniqueViolation } from '../../core/database/unique-violation';
import { AuditService } from '../audit/audit.service';
import type { RequestContext } from '../../core/http/request-context';
import { InvitationService } from '../auth/services/invitation.service';
import { Team } from '../teams/entities/team.entity';
import { Tenant } from '../tenants/entities/tenant.entity';
import { User } from './entities/user.entity';
import { apiError } from '../../core/errors/api-error';

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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invitations: InvitationService,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {}

  /** Inserts the member inside the caller's transaction; send the invitation after it commits. */
  async insert(
    manager: EntityManager,
    tenantId: string,
    member: NewMember,
    actor: { id: string; impersonatorId?: string | null },
    context: RequestContext,
  ): Promise<User> {
    const holder = await this.holderOf(manager, member.email);
    if (holder) throw emailRefusal(holder.tenantId, tenantId);
    if (member.teamId && !(await manager.getRepository(Team).existsBy({ id: Equal(member.teamId), tenantId: Equal(tenantId) }))) {
      throw new NotFoundException('Team not found');
    }
    const user = manager.getRepository(User).create({
      id: randomUUID(),
      tenantId,
      email: member.email,
      fullName: member.fullName,
      role: member.role,
      teamId: member.teamId ?? null,
      phone: member.phone ?? null,
      passwordHash: null,
      isActive: true,
    });
    try {
      await manager.getRepository(User).insert(user);
    } catch (error) {
      const holder = isUniqueViolation(error) ? await this.holderOf(this.dataSource.manager, member.email) : null;
      if (holder) throw emailRefusal(holder.tenantId, tenantId);
      throw error;
    }
    await this.audit.record(
      {
        tenantId,
        actorId: actor.id,
        impersonatorId: actor.impersonatorId,
        action: 'user.created',
        entity: 'user',
        entityId: user.id,
        changes: { email: member.email, fullName: member.fullName, role: member.role, teamId: member.teamId ?? null },
        ...context,
      },
      manager,
    );
    await this.events.publish(manager, 'user.created', { tenantId, userId: user.id, actorId: actor.id });
    return manager.getRepository(User).findOneByOrFail({ id: Equal(user.id), tenantId: Equal(tenantId) });
  }

  /** The account that holds an address, in any tenant (one lookup, whoever holds it). */
  private holderOf(manager: EntityManager, email: string): Promise<Pick<User, 'tenantId'> | null> {
    return manager.getRepository(User).findOne({ select: { id: true, tenantId: true }, where: { email: Equal(email) } });
  }

  /** After commit: the invitation email. Mail trouble never undoes the member. */
  async welcome(user: User): Promise<void> {
    const tenant = await this.dataSource.getRepository(Tenant).findOneByOrFail({ id: Equal(user.tenantId) });
    try {
      await this.invitations.invite(user, tenant);
    } catch (error) {
      this.logger.error({ err: error, userId: user.id }, 'Invitation email could not be sent');
    }
  }
}
