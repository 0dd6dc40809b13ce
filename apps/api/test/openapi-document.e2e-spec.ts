import { validate } from '@readme/openapi-parser';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { addBodyVocabulary } from '../src/core/validation/json-body';
import { startTestApp, type TestApp } from './support/test-app';

interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  $ref?: string;
  example?: unknown;
  [keyword: string]: unknown;
}
interface Media {
  schema?: Schema;
  examples?: Record<string, { value: unknown }>;
}
interface Response {
  content?: Record<string, Media>;
  headers?: Record<string, unknown>;
}
interface Operation {
  operationId: string;
  security?: Record<string, string[]>[];
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, Response>;
}
interface Document {
  servers?: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; securitySchemes: Record<string, unknown> };
}

/** The OpenAPI document at /api/docs-json, as a client generator and n8n read it. */
describe('OpenAPI document', () => {
  let t: TestApp;
  let doc: Document;
  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ route: `${method} ${path}`, path, operation })),
    );
  const integration = () => operations().filter(({ path }) => path.startsWith('/api/integration/'));

  beforeAll(async () => {
    t = await startTestApp({ env: { PUBLIC_URL: 'https://fasto.example.com' } });
    doc = (await t.http().get('/api/docs-json').expect(200)).body;
  });
  afterAll(() => t.close());

  it('is a valid OpenAPI 3.x document', async () => {
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('names the server, and every security scheme an operation uses exists', () => {
    expect(doc.servers).toEqual([expect.objectContaining({ url: 'https://fasto.example.com' })]);
    const used = new Set(operations().flatMap(({ operation }) => (operation.security ?? []).flatMap((requirement) => Object.keys(requirement))));
    expect([...used].filter((scheme) => !(scheme in doc.components.securitySchemes))).toEqual([]);
  });

  it('gives every operation a unique, readable id (a generated client method name)', () => {
    const ids = operations().map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !/^[a-z][A-Za-z0-9]*$/.test(id) || id.includes('Controller'))).toEqual([]);
    expect(integration().map(({ operation }) => operation.operationId)).toEqual(
      expect.arrayContaining(['integrationUsers', 'integrationFunnels', 'integrationOrigins', 'integrationIngest', 'integrationIngestBatch', 'integrationAttendancesList']),
    );
  });

  it('types every property: no bare "object" where a string, number or list is meant', () => {
    const untyped = Object.entries(doc.components.schemas).flatMap(([name, schema]) =>
      Object.entries(schema.properties ?? {})
        .filter(([, property]) => {
          const bare = (candidate: Schema | undefined) =>
            candidate?.type === 'object' && !candidate.properties && !candidate.additionalProperties && !candidate.$ref;
          return bare(property) || bare(property.items);
        })
        .map(([field]) => `${name}.${field}`),
    );
    expect(untyped).toEqual([]);
    expect(doc.components.schemas['IngestAttendanceDto'].properties?.['score']).toMatchObject({ type: 'number', nullable: true });
    expect(doc.components.schemas['BatchIngestDto'].properties?.['items']).toMatchObject({
      type: 'array',
      items: { $ref: '#/components/schemas/IngestAttendanceDto' },
    });
  });

  it('describes every operation\'s success answer: a schema for each body, no body only for 204', () => {
    const undescribed = operations().flatMap(({ route, operation }) => {
      const successes = Object.entries(operation.responses).filter(([status]) => status.startsWith('2'));
      if (!successes.length) return [`${route}: no 2xx answer`];
      return successes.flatMap(([status, response]) => {
        const media = Object.entries(response.content ?? {});
        if (!media.length) return status === '204' ? [] : [`${route} ${status}: no body described`];
        return media.filter(([, content]) => !content.schema).map(([type]) => `${route} ${status} ${type}: no schema`);
      });
    });
    expect(undescribed).toEqual([]);
    expect(operations().find(({ route }) => route === 'get /api/users')?.operation.responses['200'].content?.['application/json'].schema).toEqual({
      $ref: '#/components/schemas/PageOfUserView',
    });
  });

  it('lists the API-key scheme once per integration operation, with a schema and the rate-limit headers on every answer', () => {
    for (const { route, operation } of integration()) {
      expect({ route, security: operation.security }).toEqual({ route, security: [{ 'api-key': [] }] });
      for (const [status, response] of Object.entries(operation.responses)) {
        if (status === '401' || status === '403') continue;
        // A 204 (an unsubscription) has no body to describe.
        const bodied = status !== '204';
        expect({ route, status, schema: Boolean(response.content?.['application/json']?.schema) }).toEqual({ route, status, schema: bodied });
        expect({ route, status, headers: Object.keys(response.headers ?? {}).sort() }).toEqual({
          route,
          status,
          headers: expect.arrayContaining(['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset']),
        });
      }
      expect(operation.responses['429'].headers).toHaveProperty('Retry-After');
    }
  });

  it('has examples that match their schemas: request bodies, answers and property examples', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    // The request bodies' own formats and keywords (validator.js's checks), as the API applies them.
    addBodyVocabulary(ajv);
    // Each schema is checked inside a copy of the document's components, so its $refs resolve.
    const check = (where: string, schema: Schema, value: unknown) => {
      const validateValue = ajv.compile({ ...schema, components: doc.components });
      return validateValue(value) ? null : { where, errors: ajv.errorsText(validateValue.errors) };
    };
    const failures: unknown[] = [];
    let checked = 0;
    for (const { route, operation } of operations()) {
      const parts: [string, Media | undefined][] = [
        [`${route} request`, operation.requestBody?.content['application/json']],
        ...Object.entries(operation.responses).map(([status, response]): [string, Media | undefined] => [
          `${route} ${status}`,
          response.content?.['application/json'],
        ]),
      ];
      for (const [where, media] of parts) {
        for (const [name, example] of Object.entries(media?.examples ?? {})) {
          expect({ where, name, schema: Boolean(media?.schema) }).toEqual({ where, name, schema: true });
          failures.push(check(`${where} example "${name}"`, media!.schema!, example.value));
          checked++;
        }
      }
    }
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      for (const [field, property] of Object.entries(schema.properties ?? {})) {
        if (property.example === undefined) continue;
        failures.push(check(`${name}.${field} example`, property, property.example));
        checked++;
      }
    }
    expect(failures.filter(Boolean)).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });
});
