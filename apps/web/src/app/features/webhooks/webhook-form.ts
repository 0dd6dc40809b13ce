import type { WebhookDeliveryStatus, WebhookDeliveryView, WebhookEndpointView, WebhookEvent } from '@fasto/contracts';
import { failedRules, type FieldError } from '../../shared/form-problems';

export interface WebhookDraft {
  url: string;
  events: WebhookEvent[];
  /** Only an existing endpoint's switch; a new one starts active. */
  active: boolean;
}

export const webhookDraftOf = (endpoint: WebhookEndpointView | null): WebhookDraft => ({
  url: endpoint?.url ?? '',
  events: [...(endpoint?.events ?? [])],
  active: endpoint?.isActive ?? true,
});

/** What the form says before sending; the API checks again (and refuses private targets). */
export function webhookErrors(draft: Pick<WebhookDraft, 'url' | 'events'>): FieldError[] {
  let valid = false;
  try {
    const url = new URL(draft.url.trim());
    valid = (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    valid = false;
  }
  return failedRules(['url', 'webhooks.urlInvalid', !valid], ['events', 'webhooks.eventsRequired', draft.events.length === 0]);
}

export type EndpointState = 'active' | 'paused' | 'disabled';

/** Disabled = switched off by the server after failing too long; paused = switched off by an admin. */
export function endpointState(endpoint: Pick<WebhookEndpointView, 'isActive' | 'disabledAt'>): EndpointState {
  if (endpoint.isActive) return 'active';
  return endpoint.disabledAt ? 'disabled' : 'paused';
}

export const STATE_CLASS: Readonly<Record<EndpointState, string>> = { active: 'text-positive', paused: 'text-muted', disabled: 'text-negative' };

export const DELIVERY_CLASS: Readonly<Record<WebhookDeliveryStatus, string>> = {
  delivered: 'text-positive',
  failed: 'text-negative',
  pending: 'text-accent',
  delivering: 'text-muted',
};

/** A test ping worked only if the receiver answered 2xx now; a failed one stays pending for its retry. */
export const pingSucceeded = (delivery: Pick<WebhookDeliveryView, 'status'>): boolean => delivery.status === 'delivered';
