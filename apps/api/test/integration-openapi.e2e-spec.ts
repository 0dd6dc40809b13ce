import { randomUUID } from 'node:crypto';
import { generateApiKey } from '../src/core/auth/api-key-format';
import { hashSecretToken } from '../src/core/auth/secret-token';
import { ApiKey } from '../src/modules/integration/entities/api-key.entity';
import { client, DEMO } from './support/auth-helpers';
import { startTestApp, type TestApp } from './support/test-app';

type Examples = Record<string, { value: object }>;
interface Operation {
  requestBody?: { content: Record<string, { examples?: Examples }> };
  responses: Record<string, { content?: Record<string, { examples?: Examples }> }>;
}

/** Routes whose success is not a 200: a subscription answers 201, an unsubscription 204 without a body. */
const EXPECTED: Record<string, string[]> = {
  // A read with query parameters also shows how a bad one is refused.
  'get /api/integration/attendances': ['200', '400', '401', '403', '429'],
  'post /api/integration/webhooks': ['201', '400', '401', '403', '413', '429'],
  'delete /api/integration/webhooks/{id}': ['401', '403', '404', '429'],
};

const examplesOf = (part: { content?: Record<string, { examples?: Examples }> } | undefined): Examples => part?.content?.['application/json']?.examples ?? {};

/** n8n builders read /api/docs: every integration route documents its requests and answers with examples. */
describe('integration: OpenAPI examples', () => {
  let t: TestApp;
  let key: string;
  let paths: Record<string, Record<string, Operation>>;

  beforeAll(async () => {
    t = await startTestApp({ seed: true });
    const admin = await client(t, DEMO.admin);
    const generated = generateApiKey();
    await t.dataSource
      .getRepository(ApiKey)
      .insert({ id: randomUUID(), tenantId: admin.session.body.user.tenantId, name: 'n8n', prefix: generated.prefix, keyHash: hashSecretToken(generated.key) });
    key = generated.key;
    paths = (await t.http().get('/api/docs-json').expect(200)).body.paths;
  });
  afterAll(() => t.close());

  it('gives every integration route response examples, errors included, and request examples for every body', () => {
    const routes = Object.entries(paths).filter(([path]) => path.startsWith('/api/integration/'));
    expect(routes.map(([path]) => path).sort()).toEqual([
      '/api/integration/attendances',
      '/api/integration/attendances/batch',
      '/api/integration/funnels',
      '/api/integration/origins',
      '/api/integration/users',
      '/api/integration/webhooks',
      '/api/integration/webhooks/{id}',
    ]);
    for (const [path, operations] of routes) {
      for (const [method, operation] of Object.entries(operations)) {
        const documented = Object.entries(operation.responses)
          .filter(([, response]) => Object.keys(examplesOf(response)).length > 0)
          .map(([status]) => status);
        const expected = EXPECTED[`${method} ${path}`] ?? (method === 'post' ? ['200', '400', '401', '403', '413', '429'] : ['200', '401', '403', '429']);
        expect({ route: `${method} ${path}`, documented }).toEqual({ route: `${method} ${path}`, documented: expect.arrayContaining(expected) });
        if (method === 'post') expect(Object.keys(examplesOf(operation.requestBody)).length).toBeGreaterThan(0);
      }
    }
  });

  it('documents request examples the API really accepts', async () => {
    const single = examplesOf(paths['/api/integration/attendances']['post'].requestBody);
    for (const { value } of Object.values(single)) {
      const response = await t.http().post('/api/integration/attendances').set('x-api-key', key).send(value);
      expect(response.status).toBe(201);
      expect(response.body.warnings).toEqual([]);
    }
    const batch = examplesOf(paths['/api/integration/attendances/batch']['post'].requestBody);
    for (const { value } of Object.values(batch)) {
      const response = await t.http().post('/api/integration/attendances/batch').set('x-api-key', key).send(value).expect(200);
      const documented = examplesOf(paths['/api/integration/attendances/batch']['post'].responses['200'])['results'].value as { results: { status: string }[] };
      // The documented refusal is refused; the rest are stored (created here, on a fresh database).
      expect(response.body.results.map((result: { status: string }) => result.status === 'error')).toEqual(
        documented.results.map((result) => result.status === 'error'),
      );
    }
  });
});
