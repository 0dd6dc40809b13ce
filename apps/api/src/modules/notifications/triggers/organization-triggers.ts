import { NotificationType } from '@fasto/contracts';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Equal, type EntityManager } from 'typeorm';
import { newId } from '../../../core/database/ids';
import { DomainEvents, type DomainEventMap } from '../../../core/events/domain-events';
import { Team } from '../../teams/entities/team.entity';
import { Tenant } from '../../tenants/entities/tenant.entity';
import { User } from '../../users/entities/user.entity';
import { NotificationWriter } from '../notification-writer.service';
import { adminsAndTeamManagers, superAdmins } from './recipients';

/** New organizations, new members and team moves: each written in the transaction that made it. */
@Injectable()
export class OrganizationTriggers implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly writer: NotificationWriter,
  ) {}

  onModuleInit(): void {
    this.events.onTransaction('tenant.created', (manager, event) => this.tenantCreated(manager, event));
    this.events.onTransaction('user.created', (manager, event) => this.userCreated(manager, event));
    this.events.onTransaction('user.team_changed', (manager, event) => this.teamChanged(manager, event));
  }

  /** → every super admin. */
  private async tenantCreated(manager: EntityManager, event: DomainEventMap['tenant.created']): Promise<void> {
    const recipients = await superAdmins(manager);
    await this.writer.deliver(
      manager,
      recipients.map((recipient) => ({
        tenantId: recipient.tenantId,
        userId: recipient.userId,
        type: NotificationType.TenantCreated,
        data: { tenant: event.name },
        link: `/console/tenants/${event.tenantId}`,
        eventKey: `tenant.created:${event.tenantId}`,
      })),
    );
  }

  /** → the tenant's admins (to the member's page) and the super admins (to the tenant in the console). */
  private async userCreated(manager: EntityManager, event: DomainEventMap['user.created']): Promise<void> {
    const user = await manager.getRepository(User).findOneBy({ id: Equal(event.userId), tenantId: Equal(event.tenantId) });
    const tenant = await manager.getRepository(Tenant).findOneBy({ id: Equal(event.tenantId) });
    if (!user || !tenant) return;
    const data = { name: user.fullName, email: user.email, role: user.role, tenant: tenant.name };
    const admins = (await adminsAndTeamManagers(manager, event.tenantId, null)).filter((recipient) => recipient.userId !== user.id);
    const eventKey = `user.created:${user.id}`;
    await this.writer.deliver(manager, [
      ...admins.map((admin) => ({
        tenantId: admin.tenantId,
        userId: admin.userId,
        type: NotificationType.UserCreated,
        data,
        link: `/members/${user.id}`,
        eventKey,
      })),
      ...(await superAdmins(manager)).map((superAdmin) => ({
        tenantId: superAdmin.tenantId,
        userId: superAdmin.userId,
        type: NotificationType.UserCreated,
        data,
        link: `/console/tenants/${tenant.id}`,
        eventKey,
      })),
    ]);
  }

  /** → the member who moved. Every move is its own event. */
  private async teamChanged(manager: EntityManager, event: DomainEventMap['user.team_changed']): Promise<void> {
    const team = event.toTeamId ? await manager.getRepository(Team).findOneBy({ id: Equal(event.toTeamId), tenantId: Equal(event.tenantId) }) : null;
    await this.writer.deliver(manager, [
      {
        tenantId: event.tenantId,
        userId: event.userId,
        type: NotificationType.TeamChanged,
        data: { team: team?.name ?? null },
        link: '/dashboard',
        eventKey: `user.team_changed:${event.userId}:${newId()}`,
      },
    ]);
  }
}
