import { NodeApiError, type IDataObject, type IHookFunctions, type JsonObject } from 'n8n-workflow';
import { fastoRequest } from './transport';

/** What the trigger keeps in its static data about the endpoint it subscribed in Fasto. */
interface Subscription {
  webhookId?: string;
  secret?: string;
  url?: string;
  events?: string[];
}

const sameEvents = (a: string[] = [], b: string[] = []) => a.length === b.length && [...a].sort().every((event, index) => event === [...b].sort()[index]);

/**
 * Fasto answers a key's subscription only once (the secret is never shown again), so the node's
 * static data is the record: a subscription exists when it was made for this URL and these events.
 */
export function subscriptionMatches(data: IDataObject, url: string, events: string[]): boolean {
  const stored = data as Subscription;
  return Boolean(stored.webhookId && stored.secret) && stored.url === url && sameEvents(stored.events, events);
}

/**
 * Subscribes `url` for `events`. An earlier subscription of this URL (other events) is removed
 * first; one of another URL is left alone: n8n's "Listen for test event" subscribes the test URL
 * while the production one stays active, and removes the test one afterwards.
 */
export async function subscribe(this: IHookFunctions, url: string, events: string[]): Promise<void> {
  if ((this.getWorkflowStaticData('node') as Subscription).url === url) await unsubscribe.call(this);
  const { id, secret } = (await fastoRequest.call(this, 'POST', '/api/integration/webhooks', { body: { url, events } })) as { id: string; secret: string };
  Object.assign(this.getWorkflowStaticData('node'), { webhookId: id, secret, url, events } satisfies Subscription);
}

/** Removes this node's subscription; one Fasto no longer has (deleted by an admin) counts as removed. */
export async function unsubscribe(this: IHookFunctions): Promise<void> {
  const data = this.getWorkflowStaticData('node');
  const { webhookId } = data as Subscription;
  if (webhookId) {
    try {
      await fastoRequest.call(this, 'DELETE', `/api/integration/webhooks/${webhookId}`);
    } catch (error) {
      if (httpCodeOf(error) !== '404') throw error instanceof NodeApiError ? error : new NodeApiError(this.getNode(), error as JsonObject);
    }
  }
  for (const key of ['webhookId', 'secret', 'url', 'events']) delete data[key];
}

function httpCodeOf(error: unknown): string | null {
  const candidate = error as { httpCode?: unknown; response?: { status?: unknown }; statusCode?: unknown } | null;
  const code = candidate?.httpCode ?? candidate?.response?.status ?? candidate?.statusCode;
  return code === undefined || code === null ? null : String(code);
}
