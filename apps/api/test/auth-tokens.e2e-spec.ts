import { sign } from 'jsonwebtoken';
import { generateApiKey } from '../src/core/auth/api-key-format';
import { bearer, DEMO, idOf, login } from './support/auth-helpers';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from './support/test-app';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('auth: forged and misused tokens', () => {
  let t: TestApp;
  let admin: { id: string; tenantId: string };
  let acme: { id: string; tenantId: string };
  let refreshToken: string;
  /** The admin's live session: access tokens are only good while theirs is. */
  let sessionId: string;

  const claims = (overrides: Record<string, unknown> = {}) => ({
    tid: admin.tenantId,
    typ: 'access',
    sid: sessionId,
    ...overrides,
  });
  const good = { algorithm: 'HS256' as const, issuer: 'fasto', audience: 'fasto-api', expiresIn: 600 };

  beforeAll(async () => {
    t = await startTestApp({ seed: true });
    admin = await idOf(t, DEMO.admin);
    acme = await idOf(t, DEMO.acmeAdmin);
    refreshToken = (await login(t, DEMO.admin)).refreshToken;
    [{ sessionId }] = await t.dataSource.query('SELECT family_id AS sessionId FROM refresh_tokens WHERE user_id = ?', [admin.id]);
  });

  it('refuses a well-signed access token whose session does not exist', async () => {
    const orphan = sign(claims({ sid: 'c0ffee00-0000-4000-a000-000000000000' }), TEST_JWT_SECRET, { ...good, subject: admin.id });
    await t.http().get('/api/auth/me').set('authorization', bearer(orphan)).expect(401);
    const none = sign(claims({ sid: undefined }), TEST_JWT_SECRET, { ...good, subject: admin.id });
    await t.http().get('/api/auth/me').set('authorization', bearer(none)).expect(401);
  });
  afterAll(() => t.close());

  it('accepts a correctly signed token (the control case)', async () => {
    await t
      .http()
      .get('/api/auth/me')
      .set('authorization', bearer(sign(claims(), TEST_JWT_SECRET, { ...good, subject: admin.id })))
      .expect(200);
  });

  it('never takes an altered copy of a token it already verified', async () => {
    const token = sign(claims(), TEST_JWT_SECRET, { ...good, subject: admin.id });
    await t.http().get('/api/auth/me').set('authorization', bearer(token)).expect(200);
    const [header, , signature] = token.split('.');
    const elevated = `${header}.${b64({ ...claims({ tid: acme.tenantId }), sub: acme.id, iss: 'fasto', aud: 'fasto-api', exp: Math.floor(Date.now() / 1000) + 600 })}.${signature}`;
    await t.http().get('/api/auth/me').set('authorization', bearer(elevated)).expect(401);
    const resigned = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    await t.http().get('/api/auth/me').set('authorization', bearer(resigned)).expect(401);
    await t.http().get('/api/auth/me').set('authorization', bearer(token)).expect(200);
  });

  const forged: [string, () => string][] = [
    [
      'alg none',
      () =>
        `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims(), sub: admin.id, iss: 'fasto', aud: 'fasto-api', exp: Math.floor(Date.now() / 1000) + 600 })}.`,
    ],
    ['a wrong signature', () => sign(claims(), 'another-secret-another-secret-another-secret', { ...good, subject: admin.id })],
    ['a wrong algorithm (HS512, right secret)', () => sign(claims(), TEST_JWT_SECRET, { ...good, algorithm: 'HS512', subject: admin.id })],
    ['no exp claim', () => sign(claims(), TEST_JWT_SECRET, { algorithm: 'HS256', issuer: 'fasto', audience: 'fasto-api', subject: admin.id })],
    [
      'an expired token',
      () =>
        sign({ ...claims(), exp: Math.floor(Date.now() / 1000) - 10 }, TEST_JWT_SECRET, {
          algorithm: 'HS256',
          issuer: 'fasto',
          audience: 'fasto-api',
          subject: admin.id,
        }),
    ],
    ['a wrong issuer', () => sign(claims(), TEST_JWT_SECRET, { ...good, issuer: 'evil', subject: admin.id })],
    ['a wrong audience', () => sign(claims(), TEST_JWT_SECRET, { ...good, audience: 'other-app', subject: admin.id })],
    ['no subject', () => sign(claims(), TEST_JWT_SECRET, good)],
    ['a user that does not exist', () => sign(claims(), TEST_JWT_SECRET, { ...good, subject: '00000000-0000-4000-a000-000000000000' })],
    ['a tenant the user does not belong to', () => sign(claims({ tid: acme.tenantId }), TEST_JWT_SECRET, { ...good, subject: admin.id })],
    ['an unknown token type', () => sign(claims({ typ: 'refresh' }), TEST_JWT_SECRET, { ...good, subject: admin.id })],
    [
      'an impersonation token without its impersonator',
      () => sign(claims({ typ: 'impersonation', sid: undefined }), TEST_JWT_SECRET, { ...good, subject: admin.id }),
    ],
    ['a lifetime beyond one hour', () => sign(claims(), TEST_JWT_SECRET, { ...good, expiresIn: 24 * 3600, subject: admin.id })],
    ['the refresh token', () => refreshToken],
    ['garbage', () => 'not.a.jwt'],
    ['an empty token', () => ''],
    ['an unknown API key', () => generateApiKey().key],
  ];

  it.each(forged)('refuses %s with a clean JSON 401', async (_name, token) => {
    const response = await t.http().get('/api/auth/me').set('authorization', `Bearer ${token()}`);
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ statusCode: 401, code: expect.stringMatching(/^INVALID_(ACCESS_TOKEN|API_KEY)$/) });
    expect(JSON.stringify(response.body)).not.toMatch(/stack|at .*\.ts|jwt (malformed|expired)|invalid signature/i);
  });

  it.each([
    ['no header', {}],
    ['a Basic header', { authorization: 'Basic YWRtaW46YWRtaW4=' }],
    ['a bare "Bearer"', { authorization: 'Bearer' }],
    ['an API key in the query string only', {}],
  ])('refuses %s with 401', async (name, headers) => {
    const path = name.includes('query') ? `/api/auth/me?api_key=${generateApiKey().key}` : '/api/auth/me';
    const response = await t
      .http()
      .get(path)
      .set(headers as Record<string, string>);
    expect(response.status).toBe(401);
    expect(response.body.statusCode).toBe(401);
  });

  it('ignores a tenant id passed in a header, the query or the body', async () => {
    const session = await login(t, DEMO.admin);
    const response = await t
      .http()
      .get(`/api/auth/me?tenantId=${acme.tenantId}`)
      .set('authorization', bearer(session))
      .set('x-tenant-id', acme.tenantId)
      .expect(200);
    expect(response.body.user.tenantId).toBe(admin.tenantId);
  });
});
