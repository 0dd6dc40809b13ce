import { NotificationType } from '@fasto/contracts';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Equal, type EntityManager } from 'typeorm';
import { DomainEvents } from '../../../core/events/domain-events';
import { Tenant } from '../../tenants/entities/tenant.entity';
import type { NotificationData } from '../notification-messages';
import { NotificationWriter } from '../notification-writer.service';
import { adminsAndTeamManagers, superAdmins } from './recipients';

/** Trial warnings and expiries (from the trial-expiry job) → the tenant's admins and the super admins. */
@Injectable()
export class TenantLifecycleTriggers implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly writer: NotificationWriter,
  ) {}

  onModuleInit(): void {
    this.events.onTransaction('tenant.trial_ending', (manager, event) =>
      this.notify(manager, event.tenantId, NotificationType.TrialEnding, { trialEndsAt: event.trialEndsAt }, `trial_ending:${event.trialEndsAt}`),
    );
    this.events.onTransaction('tenant.trial_expired', (manager, event) =>
      this.notify(manager, event.tenantId, NotificationType.TrialExpired, {}, 'trial_expired'),
    );
  }

  private async notify(manager: EntityManager, tenantId: string, type: NotificationType, data: NotificationData, key: string): Promise<void> {
    const tenant = await manager.getRepository(Tenant).findOneBy({ id: Equal(tenantId) });
    if (!tenant) return;
    const eventKey = `tenant.${key}:${tenantId}`;
    const admins = await adminsAndTeamManagers(manager, tenantId, null);
    const superAdminRecipients = await superAdmins(manager);
    await this.writer.deliver(manager, [
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
