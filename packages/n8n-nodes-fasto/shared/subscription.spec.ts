import type { IDataObject, IHookFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { subscribe, subscriptionMatches, unsubscribe } from './subscription';

/** A hook context whose HTTP calls are recorded and answered by `answer`. */
function hookContext(answer: (request: IHttpRequestOptions) => unknown) {
  const staticData: IDataObject = {};
  const requests: IHttpRequestOptions[] = [];
  const context = {
    getWorkflowStaticData: () => staticData,
    getCredentials: async () => ({ baseUrl: 'https://fasto.example.com/', apiKey: 'fst_x' }),
    getNode: () => ({ name: 'Fasto Trigger', type: 'n8n-nodes-fasto.fastoTrigger', typeVersion: 1, position: [0, 0], parameters: {}, id: 'n1' }),
    helpers: {
      httpRequestWithAuthentication: async (credential: string, request: IHttpRequestOptions) => {
        expect(credential).toBe('fastoApi');
        requests.push(request);
        return answer(request);
      },
    },
  } as unknown as IHookFunctions;
  return { context, staticData, requests };
}

const URL = 'https://n8n.example.com/webhook/abc/webhook';

describe('the trigger’s subscription', () => {
  it('subscribes the webhook URL for the events and keeps the id and secret', async () => {
    const { context, staticData, requests } = hookContext(() => ({ id: 'w1', secret: 'whsec_1' }));
    await subscribe.call(context, URL, ['attendance.created', 'attendance.deleted']);
    expect(requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        url: 'https://fasto.example.com/api/integration/webhooks',
        body: { url: URL, events: ['attendance.created', 'attendance.deleted'] },
        json: true,
      }),
    ]);
    expect(staticData).toMatchObject({ webhookId: 'w1', secret: 'whsec_1' });
    expect(subscriptionMatches(staticData, URL, ['attendance.deleted', 'attendance.created'])).toBe(true);
    expect(subscriptionMatches(staticData, URL, ['attendance.created'])).toBe(false);
    expect(subscriptionMatches(staticData, `${URL}2`, ['attendance.created', 'attendance.deleted'])).toBe(false);
    expect(subscriptionMatches({}, URL, ['attendance.created'])).toBe(false);
  });

  it('replaces an earlier subscription instead of leaving it behind', async () => {
    let next = 1;
    const { context, staticData, requests } = hookContext((request) => (request.method === 'POST' ? { id: `w${next}`, secret: `whsec_${next++}` } : undefined));
    await subscribe.call(context, URL, ['attendance.created']);
    await subscribe.call(context, URL, ['attendance.converted']);
    expect(requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      'POST https://fasto.example.com/api/integration/webhooks',
      'DELETE https://fasto.example.com/api/integration/webhooks/w1',
      'POST https://fasto.example.com/api/integration/webhooks',
    ]);
    expect(staticData).toMatchObject({ webhookId: 'w2', secret: 'whsec_2', events: ['attendance.converted'] });
  });

  it('leaves the production subscription alone when n8n subscribes its test URL', async () => {
    const { context, staticData, requests } = hookContext(() => ({ id: 'w-test', secret: 'whsec_test' }));
    Object.assign(staticData, { webhookId: 'w-prod', secret: 'whsec_prod', url: URL, events: ['attendance.created'] });
    await subscribe.call(context, URL.replace('/webhook/', '/webhook-test/'), ['attendance.created']);
    expect(requests.map((request) => request.method)).toEqual(['POST']);
  });

  it('unsubscribes on deactivation, treats an endpoint Fasto no longer has as gone, and fails on other errors', async () => {
    const gone = hookContext(() => {
      throw Object.assign(new Error('Not found'), { httpCode: '404' });
    });
    Object.assign(gone.staticData, { webhookId: 'w9', secret: 's', url: URL, events: [] });
    await unsubscribe.call(gone.context);
    expect(gone.requests.map((request) => request.method)).toEqual(['DELETE']);
    expect(gone.staticData).toEqual({});

    const down = hookContext(() => {
      throw Object.assign(new Error('Service unavailable'), { httpCode: '503' });
    });
    Object.assign(down.staticData, { webhookId: 'w9', secret: 's' });
    await expect(unsubscribe.call(down.context)).rejects.toThrow();
    expect(down.staticData).toMatchObject({ webhookId: 'w9' });

    const none = hookContext(() => undefined);
    await unsubscribe.call(none.context);
    expect(none.requests).toEqual([]);
  });
});
