import type { WebhookDeliveryEvent, WebhookDeliveryStatus, WebhookDeliveryView, WebhookEndpointView, WebhookEvent } from '@fasto/contracts';
import type { WebhookDelivery } from './entities/webhook-delivery.entity';
import type { WebhookEndpoint } from './entities/webhook-endpoint.entity';

/** The endpoint as its admins see it: never its secret. */
export const toEndpointView = (endpoint: WebhookEndpoint): WebhookEndpointView => ({
  id: endpoint.id,
  url: endpoint.url,
  events: endpoint.events as WebhookEvent[],
  isActive: endpoint.isActive,
  consecutiveFailures: endpoint.consecutiveFailures,
  disabledAt: endpoint.disabledAt?.toISOString() ?? null,
  createdAt: endpoint.createdAt.toISOString(),
  updatedAt: endpoint.updatedAt.toISOString(),
});

export const toDeliveryView = (delivery: WebhookDelivery): WebhookDeliveryView => ({
  id: delivery.id,
  event: delivery.event as WebhookDeliveryEvent,
  status: delivery.status as WebhookDeliveryStatus,
  attempts: delivery.attempts,
  nextAttemptAt: delivery.nextAttemptAt?.toISOString() ?? null,
  lastResponseCode: delivery.lastResponseCode,
  lastDurationMs: delivery.lastDurationMs,
  lastError: delivery.lastError,
  deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
  createdAt: delivery.createdAt.toISOString(),
});
