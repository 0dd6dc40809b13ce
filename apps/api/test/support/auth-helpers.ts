import { REFRESH_COOKIE_NAME, type TokenResponse } from '@fasto/contracts';
import type { Response } from 'supertest';
import type { TestApp } from './test-app';

export const DEMO = {
  superAdmin: 'superadmin@fasto.app',
  admin: 'admin@demo.fasto.app',
  manager: 'manager@demo.fasto.app',
  agent: 'agent@demo.fasto.app',
  otherAgent: 'bruno@demo.fasto.app',
  acmeAdmin: 'admin@acme.fasto.app',
  acmeAgent: 'agent@acme.fasto.app',
} as const;

export interface Session {
  accessToken: string;
  /** The raw refresh token from the cookie. */
  refreshToken: string;
  body: TokenResponse;
}

/** The refresh token set by a response, or null. */
export function refreshCookieOf(response: Response): string | null {
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const cookie = cookies.find((line) => line.startsWith(`${REFRESH_COOKIE_NAME}=`));
  const value = cookie?.split(';')[0].slice(REFRESH_COOKIE_NAME.length + 1);
  return value ? value : null;
}

export const cookieHeader = (refreshToken: string) => `${REFRESH_COOKIE_NAME}=${refreshToken}`;

export async function login(t: TestApp, email: string, password = t.config.demoPassword): Promise<Session> {
  const response = await t.http().post('/api/auth/login').send({ email, password });
  if (response.status !== 200) throw new Error(`login ${email} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return { accessToken: response.body.accessToken, refreshToken: refreshCookieOf(response)!, body: response.body };
}

export const bearer = (session: Session | string) => `Bearer ${typeof session === 'string' ? session : session.accessToken}`;

export const refresh = (t: TestApp, refreshToken: string) => t.http().post('/api/auth/refresh').set('cookie', cookieHeader(refreshToken));

export async function idOf(t: TestApp, email: string): Promise<{ id: string; tenantId: string }> {
  const [row] = await t.dataSource.query('SELECT id, tenant_id AS tenantId FROM users WHERE email = ?', [email]);
  return row;
}

/** Requests pre-authorised as one signed-in user. */
export function as(t: TestApp, session: Session) {
  const auth = bearer(session);
  return {
    get: (url: string) => t.http().get(url).set('authorization', auth),
    post: (url: string, body: object = {}) => t.http().post(url).set('authorization', auth).send(body),
    put: (url: string, body: object = {}) => t.http().put(url).set('authorization', auth).send(body),
    patch: (url: string, body: object = {}) => t.http().patch(url).set('authorization', auth).send(body),
    delete: (url: string) => t.http().delete(url).set('authorization', auth),
  };
}

/** A pre-authorised client and the session behind it. */
export type Client = ReturnType<typeof as> & { session: Session };

/** Signs in and returns a pre-authorised client. */
export async function client(t: TestApp, email: string, password?: string): Promise<Client> {
  const session = await login(t, email, password);
  return { ...as(t, session), session };
}
