/** The events an outbound webhook can subscribe to (SPEC §12, issue 21 item 7). */
export const WEBHOOK_EVENTS = [
  'attendance.created',
  'attendance.updated',
  'attendance.converted',
  'attendance.stage_changed',
  'attendance.deleted',
  'goal.reached',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** `ping` is sent by `POST /api/webhooks/:id/test` only. */
export type WebhookDeliveryEvent = WebhookEvent | 'ping';

export type WebhookDeliveryStatus = 'pending' | 'delivering' | 'delivered' | 'failed';

/** One registered endpoint; its secret is never shown again after creation. */
export interface WebhookEndpointView {
  id: string;
  url: string;
  events: WebhookEvent[];
  isActive: boolean;
  consecutiveFailures: number;
  disabledAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The answer to a creation: the only time the signing secret is shown. */
export interface CreatedWebhookEndpoint extends WebhookEndpointView {
  secret: string;
}

export interface WebhookDeliveryView {
  id: string;
  event: WebhookDeliveryEvent;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastResponseCode: number | null;
  lastDurationMs: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
}
