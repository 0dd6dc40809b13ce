import { Module } from '@nestjs/common';
import { IntegrationRateLimitGuard } from '../integration/integration-rate-limit.guard';
import { IntegrationWebhooksController } from './integration-webhooks.controller';
import { WebhookDeliveryJob } from './webhook-delivery.job';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookOutbox } from './webhook-outbox';
import { WebhookSecrets } from './webhook-secrets';
import { WebhookSender } from './webhook-sender';
import { WebhooksController } from './webhooks.controller';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksService } from './webhooks.service';

/** Outbound webhooks: endpoints, the transactional outbox, signed delivery with retries (docs/webhooks.md). */
@Module({
  controllers: [WebhooksController, IntegrationWebhooksController],
  providers: [
    WebhooksRepository,
    WebhooksService,
    WebhookSecrets,
    WebhookSender,
    WebhookOutbox,
    WebhookDispatcher,
    WebhookDeliveryJob,
    IntegrationRateLimitGuard,
  ],
})
export class WebhooksModule {}
