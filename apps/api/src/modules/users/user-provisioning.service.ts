import { ErrorCode, Role } from '@fasto/contracts';
import { ConflictException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Equal, type DataSource, type EntityManager } from 'typeorm';
import { DomainEvents } from '../../core/events/domain-events';
import { isUniqueViolation } from '../../core/database/unique-violation';
import { AuditService } from '../audit/audit.service';
import type { RequestContext } from '../auth/request-context';
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

export const EMAIL_TAKEN = 'A user with this email already exists';

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
    if (await manager.getRepository(User).existsBy({ email: Equal(member.email) })) throw new ConflictException(apiError(ErrorCode.EmailTaken, EMAIL_TAKEN));
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
      if (isUniqueViolation(error)) throw new ConflictException(apiError(ErrorCode.EmailTaken, EMAIL_TAKEN));
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
