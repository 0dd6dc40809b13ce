import { Role } from '@fasto/contracts';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { getMetadataStorage } from 'class-validator';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Response } from 'supertest';
import { INTEGRATION_ROUTE_KEY, IS_PUBLIC_KEY, ROLES_KEY } from '../src/core/access/access-metadata';
import { generateApiKey } from '../src/core/auth/api-key-format';
import { hashSecretToken } from '../src/core/auth/secret-token';
import { JsonBody } from '../src/core/validation/json-body';
import { ApiKey } from '../src/modules/integration/entities/api-key.entity';
import { insertAttendances } from './support/attendance-fixtures';
import { bearer, DEMO, idOf, login } from './support/auth-helpers';
import { databaseSnapshot } from './support/db-snapshot';
import { BODY_SHAPES, FIELD_VALUES, pick, QUERY_VALUES, seededRandom, TEXT_VALUES, type FuzzValue } from './support/fuzz-inputs';
import { registeredRoutes, type RegisteredRoute } from './support/routes';
import { startTestApp, type TestApp } from './support/test-app';

interface FuzzCase {
  label: string;
  /** Must be refused (4xx); otherwise a 2xx is acceptable too. Never a 5xx either way. */
  strict: boolean;
  query?: string;
  /** Raw request body and its content type (JSON unless said otherwise). */
  body?: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
  /** Send without the caller's credential (the case brings its own, or none). */
  anonymous?: boolean;
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ROLE_PREFERENCE = [Role.Admin, Role.Manager, Role.Agent, Role.SuperAdmin];

/** The validated fields of a DTO class (from class-validator's metadata) or of a JSON-schema body, or [] when there is none. */
function fieldsOf(dto: unknown): string[] {
  if (dto instanceof JsonBody) return Object.keys((dto.check.schema['properties'] ?? {}) as object).sort();
  if (typeof dto !== 'function' || [Object, String, Number, Boolean, Array].includes(dto as never)) return [];
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  return [...new Set(metadata.map((entry) => entry.propertyName))].sort();
}

/** The class of the route's `@Body()` / `@Query()` argument, or its JsonBody pipe, if it has one. */
function argumentDto(route: RegisteredRoute, type: RouteParamtypes): unknown {
  const name = Object.getOwnPropertyNames(route.controller.prototype).find((key) => route.controller.prototype[key] === route.handler)!;
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, route.controller, name) ?? {}) as Record<string, { index: number; data?: unknown; pipes?: unknown[] }>;
  const entry = Object.entries(args).find(([key, arg]) => key.startsWith(`${type}:`) && arg.data === undefined);
  if (!entry) return undefined;
  const schemaPipe = entry[1].pipes?.find((pipe) => pipe instanceof JsonBody);
  if (schemaPipe) return schemaPipe;
  const types = Reflect.getMetadata('design:paramtypes', route.controller.prototype, name) as unknown[];
  return types[entry[1].index] ?? null;
}

function queryKind(field: string): keyof typeof QUERY_VALUES {
  if (field === 'limit') return 'limit';
  if (field === 'cursor') return 'cursor';
  if (['from', 'to'].includes(field)) return 'day';
  if (/Id$/.test(field)) return 'uuid';
  if (/Score$|^days$/.test(field)) return 'number';
  if (['converted', 'includeInactive', 'active'].includes(field)) return 'boolean';
  if (['format', 'status', 'role', 'action', 'sort', 'groupBy', 'period'].includes(field)) return 'enum';
  return 'text';
}

const json = (value: unknown) => JSON.stringify(value);

function bodyCases(route: RegisteredRoute, fields: string[]): FuzzCase[] {
  const random = seededRandom(`body ${route.key}`);
  const cases: FuzzCase[] = BODY_SHAPES.map((shape) => ({ label: shape.label, strict: shape.strict, body: json(shape.value) }));
  // One bad field at a time (the rest missing), two values per field, capped per route.
  const single = fields.flatMap((field) =>
    pick(random, FIELD_VALUES, 2).map((value) => ({ label: `${field} = ${value.label}`, strict: value.strict, body: json({ [field]: value.value }) })),
  );
  cases.push(...pick(random, single, 12));
  // null in each field on its own: optional is not nullable for NOT NULL columns.
  for (const field of fields) cases.push({ label: `${field} = null`, strict: false, body: json({ [field]: null }) });
  if (fields.length > 0) {
    // The same odd-but-maybe-valid text in every field: gets past validation on text-only DTOs.
    const lone = TEXT_VALUES.filter((text) => text.label === 'lone surrogate');
    for (const text of [
      ...lone,
      ...pick(
        random,
        TEXT_VALUES.filter((other) => !lone.includes(other)),
        5,
      ),
    ])
      cases.push({ label: `every field = ${text.label}`, strict: false, body: json(Object.fromEntries(fields.map((field) => [field, text.value]))) });
    // Every field bad at once, with different values.
    for (let round = 0; round < 2; round++) {
      const values = fields.map((field) => [field, pick(random, FIELD_VALUES, 1)[0]] as const);
      cases.push({
        label: `mixed ${values.map(([field, value]) => `${field}=${value.label}`).join(', ')}`,
        strict: values.some(([, value]) => value.strict),
        body: json(Object.fromEntries(values.map(([field, value]) => [field, value.value]))),
      });
    }
  }
  return cases;
}

function queryCases(route: RegisteredRoute, fields: string[]): FuzzCase[] {
  const random = seededRandom(`query ${route.key}`);
  const encode = (field: string, value: FuzzValue) => `${encodeURIComponent(field)}=${encodeURIComponent(String(value.value))}`;
  const cases: FuzzCase[] = [];
  for (const field of fields) {
    for (const value of pick(random, QUERY_VALUES[queryKind(field)], 3))
      cases.push({ label: `?${field} = ${value.label}`, strict: value.strict, query: encode(field, value) });
    // A repeated parameter arrives as an array, which no scalar field accepts.
    cases.push({ label: `?${field} repeated`, strict: queryKind(field) !== 'text', query: `${field}=1&${field}=2` });
  }
  // Lists without a query DTO ignore unknown parameters; those with one must refuse them.
  const hasDto = fields.length > 0;
  cases.push({ label: '?unknown parameter', strict: hasDto, query: 'zzzUnknown=1' });
  cases.push({ label: '?prototype keys', strict: hasDto, query: '__proto__[polluted]=1&constructor[prototype][polluted]=1' });
  // Ignored or refused, unless the route declares it as a filter (the super admin's audit log).
  cases.push({ label: '?tenantId injection', strict: hasDto && !fields.includes('tenantId'), query: `tenantId=${randomUUID()}` });
  cases.push({ label: '?api key in the query string', strict: false, query: 'api_key=fst_live_abcdefabcdefabcdefabcdef&apiKey=x' });
  return cases;
}

function headerCases(route: RegisteredRoute, access: 'public' | 'integration' | 'user', hasBody: boolean): FuzzCase[] {
  const cases: FuzzCase[] = [];
  if (['POST', 'PUT', 'PATCH'].includes(route.method)) {
    cases.push({ label: 'malformed JSON', strict: true, body: '{"a":', contentType: 'application/json' });
    // A route that reads no body may ignore one; a route with a DTO must refuse anything but JSON.
    cases.push({ label: 'text/plain body', strict: hasBody, body: 'hello', contentType: 'text/plain' });
    cases.push({ label: 'form body', strict: hasBody, body: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' });
    cases.push({ label: 'XML body', strict: true, body: '<a>1</a>', contentType: 'application/xml' });
    cases.push({ label: 'JSON with a UTF-16 charset', strict: false, body: '{}', contentType: 'application/json; charset=utf-16' });
    cases.push({
      label: 'invalid UTF-8',
      strict: hasBody,
      body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0x22, 0x7d]),
      contentType: 'application/json',
    });
  }
  if (access !== 'public') {
    const anonymous = { anonymous: true, strict: true };
    cases.push({ ...anonymous, label: 'empty Bearer', headers: { authorization: 'Bearer' } });
    cases.push({ ...anonymous, label: 'Basic auth', headers: { authorization: 'Basic Zm9vOmJhcg==' } });
    cases.push({ ...anonymous, label: 'three-dot token', headers: { authorization: 'Bearer a.b.c' } });
    cases.push({ ...anonymous, label: 'garbage token', headers: { authorization: `Bearer ${'\u00ff'.repeat(3)}${'x'.repeat(4000)}` } });
    cases.push({ ...anonymous, label: 'garbage API key', headers: { 'x-api-key': "fst_' OR 1=1 --" } });
    cases.push({ ...anonymous, label: 'two credentials', headers: { authorization: 'Bearer a.b.c', 'x-api-key': 'nope' } });
  }
  cases.push({ label: '20 kB header', strict: false, headers: { 'x-fuzz': 'h'.repeat(20_000) } });
  return cases;
}

interface Answer {
  status: number;
  body: unknown;
  text: string;
}

/** Reads an answer whole, except an event stream (it never ends by itself): its status is enough. */
function readAnswer(raw: Response, done: (error: Error | null, body: unknown) => void): void {
  const response = raw as unknown as IncomingMessage;
  if (String(response.headers['content-type'] ?? '').startsWith('text/event-stream')) {
    response.destroy();
    done(null, '');
    return;
  }
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
}

function answerOf(response: Response): Answer {
  const text = typeof response.body === 'string' ? response.body : '';
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON (a CSV export, an empty 204): keep the text
  }
  return { status: response.status, body, text };
}

/** What is wrong with one answer, or null. */
function problemWith(response: Answer, fuzz: FuzzCase): string | null {
  const status = response.status;
  if (status >= 500) return `${status} ${response.text.slice(0, 300)}`;
  if (status < 400) return fuzz.strict ? `accepted with ${status}: ${response.text.slice(0, 200)}` : null;
  const body = response.body as Record<string, unknown>;
  const shapeOk =
    body &&
    body['statusCode'] === status &&
    typeof body['code'] === 'string' &&
    /^[A-Z][A-Z_]+$/.test(body['code']) &&
    typeof body['error'] === 'string' &&
    typeof body['message'] === 'string' &&
    Object.keys(body).every((key) => ['statusCode', 'code', 'error', 'message', 'details'].includes(key));
  if (!shapeOk) return `${status} without the error shape: ${response.text.slice(0, 200)}`;
  if (/\bat \S+ \(|\.ts:\d+|\.js:\d+|SQLITE_|ER_[A-Z_]{3,}|QueryFailedError/.test(response.text))
    return `${status} leaks internals: ${response.text.slice(0, 200)}`;
  return null;
}

/**
 * QUALITY Reliability 6: every registered route, called by a caller it allows, with generated
 * bad bodies, query strings and headers answers 4xx with the error shape (or 2xx where the
 * input is odd but valid), never 5xx; a refused request leaves the database unchanged.
 */
describe('fuzzing every route', () => {
  let t: TestApp;
  let routes: RegisteredRoute[];
  const credentials: Record<string, Record<string, string>> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ seed: true });
    routes = registeredRoutes(t.app);
    const demo = await idOf(t, DEMO.admin);
    const acme = await idOf(t, DEMO.acmeAdmin);
    const key = generateApiKey();
    await t.dataSource
      .getRepository(ApiKey)
      .insert({ id: randomUUID(), tenantId: demo.tenantId, name: 'fuzz', prefix: key.prefix, keyHash: hashSecretToken(key.key) });
    credentials['integration'] = { 'x-api-key': key.key };
    for (const [role, email] of [
      [Role.Admin, DEMO.admin],
      [Role.Manager, DEMO.manager],
      [Role.Agent, DEMO.agent],
      [Role.SuperAdmin, DEMO.superAdmin],
    ] as const) {
      credentials[role] = { authorization: bearer(await login(t, email)) };
    }
    const one = async (sql: string, ...params: unknown[]) => ((await t.dataSource.query(sql, params)) as { id: string }[])[0].id;
    const funnel = await one('SELECT id FROM funnels WHERE tenant_id = ? ORDER BY name', demo.tenantId);
    const group = await one('SELECT id FROM origin_groups WHERE tenant_id = ? ORDER BY name', demo.tenantId);
    const [attendance] = await insertAttendances(t, [{ tenantId: demo.tenantId, attendedAt: new Date() }]);
    Object.assign(ids, {
      '/api/attendances/:id': attendance.id,
      '/api/funnels/:id': funnel,
      ':stageId': await one('SELECT id FROM funnel_stages WHERE funnel_id = ? ORDER BY position', funnel),
      '/api/origin-groups/:id': group,
      ':itemId': await one('SELECT id FROM origin_items WHERE origin_group_id = ? ORDER BY position', group),
      '/api/teams/:id': await one('SELECT id FROM teams WHERE tenant_id = ? ORDER BY name', demo.tenantId),
      // Another agent than the one whose token the suite uses, so an accepted change cannot lock it out.
      '/api/users/:id': (await idOf(t, DEMO.otherAgent)).id,
      ':tenantId': acme.tenantId,
      '/api/tenants/:id': acme.tenantId,
    });
  });
  afterAll(() => t.close());

  /** A real id for each path parameter where one exists (so handlers run past their lookups), else a random UUID. */
  function urlOf(route: RegisteredRoute): string {
    if (route.method === 'DELETE') return route.path.replace(/:[A-Za-z]+/g, () => randomUUID());
    return route.path.replace(/(:[A-Za-z]+)/g, (param, _name, offset: number) => ids[`${route.path.slice(0, offset)}${param}`] ?? ids[param] ?? randomUUID());
  }

  function accessOf(route: RegisteredRoute): { kind: 'public' | 'integration' | 'user'; headers: Record<string, string> } {
    const read = <T>(key: string) =>
      [route.handler, route.controller].map((target) => Reflect.getMetadata(key, target) as T | undefined).find((value) => value !== undefined);
    if (read<boolean>(IS_PUBLIC_KEY)) return { kind: 'public', headers: {} };
    if (read<boolean>(INTEGRATION_ROUTE_KEY)) return { kind: 'integration', headers: credentials['integration'] };
    const roles = read<Role[]>(ROLES_KEY) ?? [];
    const role = ROLE_PREFERENCE.find((candidate) => roles.includes(candidate));
    if (!role) throw new Error(`${route.key}: no role to call it with`);
    return { kind: 'user', headers: credentials[role] };
  }

  async function send(route: RegisteredRoute, fuzz: FuzzCase): Promise<Answer> {
    const access = accessOf(route);
    const url = `${urlOf(route)}${fuzz.query ? `?${fuzz.query}` : ''}`;
    let call = t.http()[route.method.toLowerCase() as Method](url);
    for (const [name, value] of Object.entries({ ...(fuzz.anonymous ? {} : access.headers), ...fuzz.headers })) call = call.set(name, value);
    if (fuzz.body !== undefined) call = call.set('content-type', fuzz.contentType ?? 'application/json').send(fuzz.body);
    return answerOf(await call.buffer(true).parse(readAnswer));
  }

  /**
   * Runs a route's cases and checks the database: cases that must be refused share one snapshot
   * per route (any change is theirs); cases that may succeed on a write route are checked one by
   * one, since an accepted write legitimately changes it.
   */
  async function run(route: RegisteredRoute, cases: FuzzCase[], problems: string[]): Promise<number> {
    if (cases.length === 0) return 0;
    const report = (fuzz: FuzzCase, response: Answer) => {
      const problem = problemWith(response, fuzz);
      if (problem) problems.push(`${route.key} [${fuzz.label}]: ${problem}`);
    };
    const oneByOne = WRITES.has(route.method);
    const batched = oneByOne ? cases.filter((fuzz) => fuzz.strict) : cases;
    let before = await databaseSnapshot(t.dataSource);
    for (const fuzz of batched) report(fuzz, await send(route, fuzz));
    let after = await databaseSnapshot(t.dataSource);
    if (after !== before) problems.push(`${route.key}: ${oneByOne ? 'refused requests' : 'reads'} changed the database`);
    if (!oneByOne) return cases.length;
    for (const fuzz of cases.filter((candidate) => !candidate.strict)) {
      before = after;
      const response = await send(route, fuzz);
      report(fuzz, response);
      after = await databaseSnapshot(t.dataSource);
      if (response.status >= 400 && after !== before) problems.push(`${route.key} [${fuzz.label}]: refused with ${response.status} but changed the database`);
    }
    return cases.length;
  }

  async function fuzzEveryRoute(casesFor: (route: RegisteredRoute) => FuzzCase[]): Promise<void> {
    const problems: string[] = [];
    let sent = 0;
    for (const route of routes) sent += await run(route, casesFor(route), problems);
    expect(problems).toEqual([]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(sent).toBeGreaterThan(routes.length);
  }

  it('refuses bad bodies on every write route', async () => {
    await fuzzEveryRoute((route) => {
      const dto = argumentDto(route, RouteParamtypes.BODY);
      return ['POST', 'PUT', 'PATCH'].includes(route.method) && dto !== undefined ? bodyCases(route, fieldsOf(dto)) : [];
    });
  });

  it('refuses bad query strings on every route', async () => {
    await fuzzEveryRoute((route) => queryCases(route, fieldsOf(argumentDto(route, RouteParamtypes.QUERY))));
  });

  it('refuses bad headers, content types and credentials on every route', async () => {
    await fuzzEveryRoute((route) => headerCases(route, accessOf(route).kind, argumentDto(route, RouteParamtypes.BODY) !== undefined));
  });

  it('refuses ids that are not UUIDs in every path', async () => {
    const withParams = routes.filter((route) => route.path.includes(':'));
    expect(withParams.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const route of withParams) {
      for (const bad of ['not-a-uuid', "1' OR '1'='1", '%00', '😀', '00000000-0000-0000-0000-000000000000', 'x'.repeat(2000)]) {
        const url = route.path.replace(/:[A-Za-z]+/g, encodeURIComponent(bad));
        const fuzz: FuzzCase = { label: `id ${bad.slice(0, 20)}`, strict: true };
        const before = await databaseSnapshot(t.dataSource);
        let call = t.http()[route.method.toLowerCase() as Method](url);
        for (const [name, value] of Object.entries(accessOf(route).headers)) call = call.set(name, value);
        if (['POST', 'PUT', 'PATCH'].includes(route.method)) call = call.send({});
        const response = answerOf(await call.buffer(true).parse(readAnswer));
        const problem = problemWith(response, fuzz);
        if (problem) problems.push(`${route.key} [${fuzz.label}]: ${problem}`);
        if (WRITES.has(route.method) && (await databaseSnapshot(t.dataSource)) !== before) problems.push(`${route.key} [${fuzz.label}]: changed the database`);
      }
    }
    expect(problems).toEqual([]);
  });
});
