import { HEADERS, Role } from '@fasto/contracts';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { INTEGRATION_ROUTE_KEY, IS_PUBLIC_KEY, ROLES_KEY } from '../src/core/access/access-metadata';
import { generateApiKey } from '../src/core/auth/api-key-format';
import { hashSecretToken } from '../src/core/auth/secret-token';
import { generateTvToken } from '../src/core/auth/tv-token-format';
import { ApiKey } from '../src/modules/integration/entities/api-key.entity';
import { TvLink } from '../src/modules/tv/entities/tv-link.entity';
import { bearer, DEMO, idOf, login } from './support/auth-helpers';
import { registeredRoutes, type RegisteredRoute } from './support/routes';
import { startTestApp, type TestApp } from './support/test-app';

type Access = 'public' | 'integration' | Role[];
const { SuperAdmin, Admin, Manager, Agent } = Role;
const EVERYONE = [SuperAdmin, Admin, Manager, Agent];

/**
 * THE access table: every route of the API and who may call it. A new route fails this suite
 * until it is added here, and any change of a route's declared access shows up as a diff.
 */
const ACCESS: Record<string, Access> = {
  'DELETE /api/attendances/:id': [Admin],
  'DELETE /api/auth/sessions/:id': EVERYONE,
  'DELETE /api/funnels/:id': [Admin],
  'DELETE /api/goals/:id': [Admin, Manager],
  'DELETE /api/funnels/:id/stages/:stageId': [Admin],
  'DELETE /api/notifications/:id': EVERYONE,
  'DELETE /api/origin-groups/:id': [Admin],
  'DELETE /api/origin-groups/:id/items/:itemId': [Admin],
  'DELETE /api/teams/:id': [Admin],
  'DELETE /api/tenants/:tenantId/api-keys/:keyId': [SuperAdmin],
  'DELETE /api/tv-links/:id': [Admin],
  'DELETE /api/users/:id': [Admin],
  'DELETE /api/webhooks/:id': [Admin],
  'DELETE /api/integration/webhooks/:id': 'integration',
  'GET /api/attendances': [Admin, Manager, Agent],
  'GET /api/attendances/:id': [Admin, Manager, Agent],
  'GET /api/attendances/export': [Admin, Manager, Agent],
  'GET /api/audit-logs': [Admin, SuperAdmin],
  'GET /api/auth/me': EVERYONE,
  'GET /api/auth/sessions': EVERYONE,
  'GET /api/dashboard': [Admin, Manager, Agent],
  'GET /api/funnels': [Admin],
  'GET /api/funnels/:id': [Admin],
  'GET /api/goals': [Admin, Manager, Agent],
  'GET /api/goals/progress': [Admin, Manager, Agent],
  'GET /api/health': 'public',
  'GET /api/health/ready': 'public',
  'GET /api/integration/attendances': 'integration',
  'GET /api/integration/funnels': 'integration',
  'GET /api/integration/origins': 'integration',
  'GET /api/integration/users': 'integration',
  'GET /api/jobs': [SuperAdmin],
  'GET /api/notifications': EVERYONE,
  'GET /api/notifications/stream': EVERYONE,
  'GET /api/notifications/unread-count': EVERYONE,
  'GET /api/origin-groups': [Admin],
  'GET /api/origin-groups/:id': [Admin],
  'GET /api/teams': [Admin, Manager],
  'GET /api/teams/:id': [Admin, Manager],
  'GET /api/tenant': [Admin, Manager, Agent],
  'GET /api/tenants': [SuperAdmin],
  'GET /api/tenants/:id': [SuperAdmin],
  'GET /api/tenants/:tenantId/api-keys': [SuperAdmin],
  'GET /api/tenants/overview': [SuperAdmin],
  'GET /api/tv-links': [Admin],
  'GET /api/tv/board': [Admin, Manager],
  'GET /api/tv/stream': [Admin, Manager],
  'GET /api/users': [Admin, Manager],
  'GET /api/users/:id': [Admin, Manager, Agent],
  'GET /api/webhooks': [Admin],
  'GET /api/webhooks/:id/deliveries': [Admin],
  'PATCH /api/attendances/:id': [Admin, Manager],
  'PATCH /api/funnels/:id': [Admin],
  'PATCH /api/funnels/:id/stages/:stageId': [Admin],
  'PATCH /api/notifications/:id/read': EVERYONE,
  'PATCH /api/origin-groups/:id': [Admin],
  'PATCH /api/origin-groups/:id/items/:itemId': [Admin],
  'PATCH /api/teams/:id': [Admin],
  'PATCH /api/tenant': [Admin],
  'PATCH /api/tenants/:id': [SuperAdmin],
  'PATCH /api/users/:id': [Admin, Manager],
  'PATCH /api/users/me': EVERYONE,
  'PATCH /api/goals/:id': [Admin, Manager],
  'PATCH /api/webhooks/:id': [Admin],
  'POST /api/auth/invite/accept': 'public',
  'POST /api/auth/invite/check': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'public',
  'POST /api/auth/password/change': EVERYONE,
  'POST /api/auth/password/forgot': 'public',
  'POST /api/auth/password/reset': 'public',
  'POST /api/auth/refresh': 'public',
  'POST /api/funnels': [Admin],
  'POST /api/funnels/:id/stages': [Admin],
  'POST /api/impersonate/:tenantId': [SuperAdmin],
  'POST /api/integration/attendances': 'integration',
  'POST /api/integration/attendances/batch': 'integration',
  'POST /api/notifications/read-all': EVERYONE,
  'POST /api/origin-groups': [Admin],
  'POST /api/origin-groups/:id/items': [Admin],
  'POST /api/teams': [Admin],
  'POST /api/tenants': [SuperAdmin],
  'POST /api/tenants/:id/cancel': [SuperAdmin],
  'POST /api/tenants/:id/reactivate': [SuperAdmin],
  'POST /api/tenants/:id/suspend': [SuperAdmin],
  'POST /api/tenants/:tenantId/api-keys': [SuperAdmin],
  'POST /api/tv-links': [Admin],
  'POST /api/users': [Admin],
  'POST /api/goals': [Admin, Manager],
  'POST /api/webhooks': [Admin],
  'POST /api/webhooks/:id/deliveries/:deliveryId/redeliver': [Admin],
  'POST /api/webhooks/:id/test': [Admin],
  'POST /api/integration/webhooks': 'integration',
  'PUT /api/funnels/:id/stages/order': [Admin],
  'PUT /api/origin-groups/:id/items/order': [Admin],
};

/** The routes a TV link's token opens (besides public ones); it is refused everywhere else. */
const TV_TOKEN_ROUTES = ['GET /api/tv/board', 'GET /api/tv/stream'];

type Caller = 'anonymous' | 'apiKey' | 'tvToken' | 'agent' | 'manager' | 'admin' | 'superAdmin' | 'otherTenantAdmin';
const CALLER_ROLE: Partial<Record<Caller, Role>> = { agent: Agent, manager: Manager, admin: Admin, superAdmin: SuperAdmin, otherTenantAdmin: Admin };

function expectedOutcome(routeKey: string, caller: Caller): 'allowed' | 401 | 403 {
  const access = ACCESS[routeKey];
  if (access === 'public') return 'allowed';
  if (caller === 'anonymous') return 401;
  if (caller === 'tvToken') return TV_TOKEN_ROUTES.includes(routeKey) ? 'allowed' : 403;
  if (access === 'integration') return caller === 'apiKey' ? 'allowed' : 403;
  if (caller === 'apiKey') return 403;
  return access.includes(CALLER_ROLE[caller]!) ? 'allowed' : 403;
}

const headerOf = (caller: Caller, credential: string): [string, string] =>
  caller === 'apiKey' ? [HEADERS.apiKey, credential] : caller === 'tvToken' ? [HEADERS.tvToken, credential] : ['authorization', credential];

describe('route × caller access matrix', () => {
  let t: TestApp;
  let routes: RegisteredRoute[];
  const credentials: Partial<Record<Caller, string>> = {};

  beforeAll(async () => {
    t = await startTestApp({ seed: true });
    routes = registeredRoutes(t.app);
    const tenant = await idOf(t, DEMO.admin);
    const apiKey = generateApiKey();
    await t.dataSource
      .getRepository(ApiKey)
      .insert({ id: randomUUID(), tenantId: tenant.tenantId, name: 'matrix', prefix: apiKey.prefix, keyHash: hashSecretToken(apiKey.key) });
    credentials.apiKey = apiKey.key;
    const tvToken = generateTvToken();
    await t.dataSource
      .getRepository(TvLink)
      .insert({ id: randomUUID(), tenantId: tenant.tenantId, name: 'matrix', teamId: null, prefix: tvToken.prefix, tokenHash: hashSecretToken(tvToken.token) });
    credentials.tvToken = tvToken.token;
    for (const [caller, email] of [
      ['agent', DEMO.agent],
      ['manager', DEMO.manager],
      ['admin', DEMO.admin],
      ['superAdmin', DEMO.superAdmin],
      ['otherTenantAdmin', DEMO.acmeAdmin],
    ] as const) {
      credentials[caller] = bearer(await login(t, email));
    }
  });
  afterAll(() => t.close());

  it('covers every registered route, and only registered routes', () => {
    const registered = routes.map((route) => route.key);
    expect(registered.filter((key) => !(key in ACCESS))).toEqual([]);
    expect(Object.keys(ACCESS).filter((key) => !registered.includes(key))).toEqual([]);
  });

  it('matches what each route declares (a declaration change is a reviewed diff here)', () => {
    for (const route of routes) {
      const targets = [route.handler, route.controller];
      const read = <T>(key: string) => targets.map((target) => Reflect.getMetadata(key, target) as T | undefined).find((value) => value !== undefined);
      const declared: Access | undefined = read<boolean>(IS_PUBLIC_KEY)
        ? 'public'
        : read<boolean>(INTEGRATION_ROUTE_KEY)
          ? 'integration'
          : read<Role[]>(ROLES_KEY);
      expect({ route: route.key, access: declared }).toEqual({ route: route.key, access: ACCESS[route.key] });
    }
  });

  const callers: Caller[] = ['anonymous', 'apiKey', 'tvToken', 'agent', 'manager', 'admin', 'superAdmin', 'otherTenantAdmin'];

  it.each(callers)('enforces the table for %s on every route', async (caller) => {
    const mismatches: string[] = [];
    for (const route of routes) {
      const url = route.path.replace(/:[A-Za-z]+/g, () => randomUUID());
      let call = t.http()[route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](url);
      const credential = credentials[caller];
      if (credential) call = call.set(...headerOf(caller, credential));
      // An event stream never ends by itself: read its status, then hang up.
      if (route.key.endsWith('/stream')) call = call.buffer(false).parse((stream, done) => ((stream as unknown as IncomingMessage).destroy(), done(null, {})));
      const response = ['POST', 'PUT', 'PATCH'].includes(route.method) ? await call.send({}) : await call;

      const expected = expectedOutcome(route.key, caller);
      const status = response.status;
      if (status >= 500) mismatches.push(`${route.key}: ${status}`);
      else if (expected === 'allowed' ? ACCESS[route.key] !== 'public' && (status === 401 || status === 403) : status !== expected) {
        mismatches.push(`${route.key}: expected ${expected}, got ${status} ${JSON.stringify(response.body)}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('answers public routes the same way whoever calls', async () => {
    for (const route of routes.filter((candidate) => ACCESS[candidate.key] === 'public' && candidate.method === 'POST')) {
      const statuses = new Set<number>();
      for (const caller of callers) {
        let call = t.http().post(route.path);
        const credential = credentials[caller];
        if (credential) call = call.set(...headerOf(caller, credential));
        statuses.add((await call.send({})).status);
      }
      expect({ route: route.key, statuses: [...statuses] }).toEqual({ route: route.key, statuses: [expect.any(Number)] });
    }
  });
});
