import { NotificationType } from '@fasto/contracts';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '../../../core/events/domain-events';
import { NotificationWriter } from '../notification-writer.service';
import { TriggersRepository } from './triggers.repository';

/** A webhook endpoint disabled after failing again and again → the tenant's admins, in the disabling transaction. */
@Injectable()
export class WebhookTriggers implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly writer: NotificationWriter,
    private readonly reads: TriggersRepository,
  ) {}

  onModuleInit(): void {
    this.events.onTransaction('webhook.disabled', async (event) => {
      const admins = await this.reads.adminsAndTeamManagers(null);
      await this.writer.deliver(
        admins.map((admin) => ({
          tenantId: event.tenantId,
          userId: admin.userId,
          type: NotificationType.WebhookDisabled,
          data: { url: event.url.slice(0, 200), failures: event.failures },
          link: '/settings',
          // A later re-enable and failure streak notifies again: the key names this disabling.
          eventKey: `webhook.disabled:${event.endpointId}:${Date.now()}`,
        })),
      );
    });
  }
}
