import { HEADERS } from '@fasto/contracts';
import { as, client, DEMO, login, type Client } from './support/auth-helpers';
import { startTestApp, type TestApp } from './support/test-app';

/** POST /api/users never tells a tenant admin about another tenant's users, and is rate limited. */
describe('creating members: no view into other tenants, and a cap', () => {
  let t: TestApp;
  let admin: Client;
  let acmeAdmin: Client;
  const member = (email: string) => ({ email, fullName: 'Probe', role: 'agent' });
  const usersCalled = async (pattern: string) => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM users WHERE email LIKE ?', [pattern]))[0].n);

  beforeAll(async () => {
    t = await startTestApp({ seed: true, env: { USER_CREATE_LIMIT_PER_ADMIN: '6', USER_CREATE_LIMIT_PER_TENANT: '9' } });
    [admin, acmeAdmin] = await Promise.all([client(t, DEMO.admin), client(t, DEMO.acmeAdmin)]);
  });
  afterAll(() => t.close());

  it('says "already a member" only for its own tenant, and one neutral refusal for any other holder', async () => {
    const before = await usersCalled('%');
    const own = await admin.post('/api/users', member(DEMO.agent)).expect(409);
    expect(own.body).toMatchObject({ code: 'EMAIL_TAKEN', message: 'A member of this organization already has this email' });

    const otherTenant = await admin.post('/api/users', member(DEMO.acmeAdmin)).expect(422);
    const superAdmin = await admin.post('/api/users', member(DEMO.superAdmin)).expect(422);
    const otherCase = await admin.post('/api/users', member(' Admin@ACME.fasto.app ')).expect(422);
    // The same answer whoever holds the address, naming no tenant and no role.
    expect(superAdmin.body).toEqual(otherTenant.body);
    expect(otherCase.body).toEqual(otherTenant.body);
    expect(otherTenant.body).toEqual({
      statusCode: 422,
      code: 'EMAIL_UNAVAILABLE',
      error: 'This email cannot be used for a new member; use another address',
      message: 'This email cannot be used for a new member; use another address',
    });
    expect(JSON.stringify(otherTenant.body)).not.toMatch(/acme|demo|system|super|tenant|organi[sz]ation/i);
    expect(await usersCalled('%')).toBe(before);
  });

  it('caps attempts per admin and per tenant (refusals count, the cap\'s own do not), with Retry-After, without touching other tenants', async () => {
    // Four attempts spent above; two more are allowed to this admin.
    await admin.post('/api/users', member('cap-1@demo.fasto.app')).expect(201);
    await admin.post('/api/users', member(DEMO.acmeAgent)).expect(422);
    const capped = await admin.post('/api/users', member('cap-2@demo.fasto.app')).expect(429);
    // One attempt comes back every 10 minutes (six an hour).
    expect(Number(capped.headers[HEADERS.retryAfter.toLowerCase()])).toBeGreaterThan(500);
    expect(await usersCalled('cap-2@%')).toBe(0);

    // Another tenant has its own budget.
    await acmeAdmin.post('/api/users', member('cap-3@acme.fasto.app')).expect(201);

    // A second admin of the same tenant shares the tenant's nine: six are spent, the first admin's
    // refusals by its own cap took none of them.
    await admin.post('/api/users', member('cap-2b@demo.fasto.app')).expect(429);
    await t.dataSource.query("UPDATE users SET role = 'admin' WHERE email = ?", [DEMO.manager]);
    const secondAdmin = as(t, await login(t, DEMO.manager));
    await secondAdmin.post('/api/users', member('cap-4@demo.fasto.app')).expect(201);
    await secondAdmin.post('/api/users', member('cap-5@demo.fasto.app')).expect(201);
    await secondAdmin.post('/api/users', member('cap-7@demo.fasto.app')).expect(201);
    await secondAdmin.post('/api/users', member('cap-6@demo.fasto.app')).expect(429);
    expect(await usersCalled('cap-6@%')).toBe(0);
  });
});
