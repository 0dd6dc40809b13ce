import { NodeApiError, type IDataObject, type IExecuteFunctions, type IHttpRequestOptions, type ILoadOptionsFunctions, type INode } from 'n8n-workflow';
import { Fasto } from './Fasto.node';

const NODE: INode = { id: 'n1', name: 'Fasto', type: 'n8n-nodes-fasto.fasto', typeVersion: 1, position: [0, 0], parameters: {} };

/** An execute context over `items`, whose parameters come from `parameters(name, index)` and whose calls `answer` answers. */
function executeContext(
  items: IDataObject[],
  parameters: (name: string, index: number) => unknown,
  answer: (request: IHttpRequestOptions) => unknown,
  continueOnFail = false,
) {
  const requests: IHttpRequestOptions[] = [];
  const context = {
    getInputData: () => items.map((json) => ({ json })),
    getNodeParameter: (name: string, index: number, fallback?: unknown) => parameters(name, index) ?? fallback,
    getCredentials: async () => ({ baseUrl: 'https://fasto.example.com', apiKey: 'fst_x' }),
    getNode: () => NODE,
    continueOnFail: () => continueOnFail,
    helpers: {
      httpRequestWithAuthentication: async (_credential: string, request: IHttpRequestOptions) => {
        requests.push(request);
        return answer(request);
      },
    },
  } as unknown as IExecuteFunctions;
  return { context, requests };
}

const attendanceParameters = (operation: string) => (name: string, index: number) =>
  ({
    resource: 'attendance',
    operation,
    externalId: `wa-${index}`,
    attendedAt: '2026-03-10T12:00:00Z',
    agentId: '',
    stageId: 's1',
    originId: '',
    additionalFields: { score: index },
  })[name];

describe('Fasto node', () => {
  it('Create or Update Many sends the items in batches of 500 and pairs each result with its item', async () => {
    const items = Array.from({ length: 501 }, (_, index) => ({ index }));
    const { context, requests } = executeContext(items, attendanceParameters('upsertMany'), (request) => ({
      results: (request.body as { items: IDataObject[] }).items.map((item) => ({ externalId: item.external_id, status: 'created' })),
    }));
    const [out] = await new Fasto().execute.call(context);
    expect(requests.map((request) => `${request.method} ${request.url} ${(request.body as { items: unknown[] }).items.length}`)).toEqual([
      'POST https://fasto.example.com/api/integration/attendances/batch 500',
      'POST https://fasto.example.com/api/integration/attendances/batch 1',
    ]);
    expect((requests[1].body as { items: IDataObject[] }).items[0]).toEqual({
      external_id: 'wa-500',
      attended_at: '2026-03-10T12:00:00Z',
      stage_id: 's1',
      score: 500,
    });
    expect(out).toHaveLength(501);
    expect(out[500]).toEqual({ json: { externalId: 'wa-500', status: 'created' }, pairedItem: { item: 500 } });
  });

  it('Create or Update posts each item; with Continue On Fail a refused one becomes an error item', async () => {
    const refusal = new NodeApiError(
      NODE,
      { message: 'Validation failed' },
      { message: 'Bad request - please check your parameters', description: 'score must not be greater than 100' },
    );
    const { context, requests } = executeContext(
      [{}, {}],
      attendanceParameters('upsert'),
      (request) => {
        if ((request.body as IDataObject).external_id === 'wa-1') throw refusal;
        return { id: 'a0', status: 'created', warnings: [] };
      },
      true,
    );
    const [out] = await new Fasto().execute.call(context);
    expect(requests).toHaveLength(2);
    expect(out).toEqual([
      { json: { id: 'a0', status: 'created', warnings: [] }, pairedItem: { item: 0 } },
      { json: { error: 'score must not be greater than 100' }, pairedItem: { item: 1 } },
    ]);
    const failing = executeContext([{}, {}], attendanceParameters('upsert'), (request) => {
      if ((request.body as IDataObject).external_id === 'wa-1') throw refusal;
      return {};
    });
    await expect(new Fasto().execute.call(failing.context)).rejects.toBe(refusal);
  });

  it('Get Changes follows next_cursor up to the limit', async () => {
    const pages: Record<string, { items: IDataObject[]; next_cursor: string | null }> = {
      first: { items: [{ id: 'a1' }, { id: 'a2' }], next_cursor: 'c2' },
      c2: { items: [{ id: 'a3' }], next_cursor: 'c3' },
    };
    const parameters = (name: string) =>
      ({ resource: 'attendance', operation: 'getChanges', returnAll: false, limit: 3, updatedSince: '2026-03-01T00:00:00Z' })[name];
    const { context, requests } = executeContext([{}], parameters, (request) => pages[String(request.qs?.cursor ?? 'first')]);
    const [out] = await new Fasto().execute.call(context);
    expect(out.map((item) => item.json.id)).toEqual(['a1', 'a2', 'a3']);
    expect(requests.map((request) => request.qs)).toEqual([
      { limit: 3, updated_since: '2026-03-01T00:00:00Z' },
      { limit: 1, updated_since: '2026-03-01T00:00:00Z', cursor: 'c2' },
    ]);
  });

  it('fills the stage dropdown with each funnel’s stages, in funnel order', async () => {
    const context = {
      getCredentials: async () => ({ baseUrl: 'https://fasto.example.com/', apiKey: 'fst_x' }),
      helpers: {
        httpRequestWithAuthentication: async (_credential: string, request: IHttpRequestOptions) => {
          expect(request.url).toBe('https://fasto.example.com/api/integration/funnels');
          return {
            items: [
              {
                id: 'f1',
                name: 'Vendas',
                stages: [
                  { id: 's2', name: 'Proposta' },
                  { id: 's1', name: 'Negociação' },
                ],
              },
            ],
          };
        },
      },
    } as unknown as ILoadOptionsFunctions;
    expect(await new Fasto().methods.loadOptions.getStages.call(context)).toEqual([
      { name: 'Vendas › Proposta', value: 's2' },
      { name: 'Vendas › Negociação', value: 's1' },
    ]);
  });
});
