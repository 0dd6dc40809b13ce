import { NotificationType } from '@fasto/contracts';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '../../../core/events/domain-events';
import type { NotificationData } from '../notification-messages';
import { NotificationWriter } from '../notification-writer.service';
import { SuperAdmins } from './super-admins';
import { TriggersRepository } from './triggers.repository';

/** Trial warnings and expiries (from the trial-expiry job) → the tenant's admins and the super admins. */
@Injectable()
export class TenantLifecycleTriggers implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly writer: NotificationWriter,
    private readonly reads: TriggersRepository,
    private readonly superAdmins: SuperAdmins,
  ) {}

  onModuleInit(): void {
    this.events.onTransaction('tenant.trial_ending', (event) =>
      this.notify(event.tenantId, NotificationType.TrialEnding, { trialEndsAt: event.trialEndsAt }, `trial_ending:${event.trialEndsAt}`),
    );
    this.events.onTransaction('tenant.trial_expired', (event) => this.notify(event.tenantId, NotificationType.TrialExpired, {}, 'trial_expired'));
  }

  /** Runs in the event's tenant (`DomainEvents`), so `tenant()` and the admins are that tenant's. */
  private async notify(tenantId: string, type: NotificationType, data: NotificationData, key: string): Promise<void> {
    const tenant = await this.reads.tenant();
    if (!tenant) return;
    const eventKey = `tenant.${key}:${tenantId}`;
    const admins = await this.reads.adminsAndTeamManagers(null);
    const superAdminRecipients = await this.superAdmins.all();
    await this.writer.deliver([
      ...admins.map((admin) => ({ tenantId, userId: admin.userId, type, data: { ...data, tenant: tenant.name }, link: '/settings', eventKey })),
      ...superAdminRecipients.map((superAdmin) => ({
        tenantId: superAdmin.tenantId,
        userId: superAdmin.userId,
        type,
        data: { ...data, tenant: tenant.name },
        link: `/console/tenants/${tenantId}`,
        eventKey,
      })),
    ]);
  }
}
