import { NotificationType } from '@fasto/contracts';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { newId } from '../../../core/database/ids';
import { DomainEvents, type DomainEventMap } from '../../../core/events/domain-events';
import { NotificationWriter } from '../notification-writer.service';
import { SuperAdmins } from './super-admins';
import { TriggersRepository } from './triggers.repository';

/** New organizations, new members and team moves: each written in the transaction that made it, read in the event's tenant. */
@Injectable()
export class OrganizationTriggers implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly writer: NotificationWriter,
    private readonly reads: TriggersRepository,
    private readonly superAdmins: SuperAdmins,
  ) {}

  onModuleInit(): void {
    this.events.onTransaction('tenant.created', (event) => this.tenantCreated(event));
    this.events.onTransaction('user.created', (event) => this.userCreated(event));
    this.events.onTransaction('user.team_changed', (event) => this.teamChanged(event));
  }

  /** → every super admin. */
  private async tenantCreated(event: DomainEventMap['tenant.created']): Promise<void> {
    const recipients = await this.superAdmins.all();
    await this.writer.deliver(
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
  private async userCreated(event: DomainEventMap['user.created']): Promise<void> {
    const user = await this.reads.member(event.userId);
    const tenant = await this.reads.tenant();
    if (!user || !tenant) return;
    const data = { name: user.fullName, email: user.email, role: user.role, tenant: tenant.name };
    const admins = (await this.reads.adminsAndTeamManagers(null)).filter((recipient) => recipient.userId !== user.id);
    const eventKey = `user.created:${user.id}`;
    await this.writer.deliver([
      ...admins.map((admin) => ({
        tenantId: admin.tenantId,
        userId: admin.userId,
        type: NotificationType.UserCreated,
        data,
        link: `/members/${user.id}`,
        eventKey,
      })),
      ...(await this.superAdmins.all()).map((superAdmin) => ({
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
  private async teamChanged(event: DomainEventMap['user.team_changed']): Promise<void> {
    const team = event.toTeamId ? await this.reads.team(event.toTeamId) : null;
    await this.writer.deliver([
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
