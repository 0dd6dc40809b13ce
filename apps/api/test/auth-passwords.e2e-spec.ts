import { randomUUID } from 'node:crypto';
import { IsNull } from 'typeorm';
import { Role } from '@fasto/contracts';
import { ActionToken } from '../src/modules/auth/entities/action-token.entity';
import { TenantContext } from '../src/core/tenancy/tenant-context';
import { InvitationService } from '../src/modules/auth/services/invitation.service';
import { Tenant } from '../src/modules/tenants/entities/tenant.entity';
import { User } from '../src/modules/users/entities/user.entity';
import { bearer, cookieHeader, DEMO, idOf, login, refresh, refreshCookieOf } from './support/auth-helpers';
import { emailsTo, tokenEmailedTo } from './support/outbox';
import { startTestApp, type TestApp } from './support/test-app';

const NEW_PASSWORD = 'Quite-unusual-phrase-42';

describe('auth: passwords and invitations', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ seed: true });
  });
  afterAll(() => t.close());

  describe('forgot / reset', () => {
    it('answers the same whether or not the address exists, and mails only real accounts', async () => {
      const known = await t.http().post('/api/auth/password/forgot').send({ email: DEMO.otherAgent }).expect(202);
      const unknown = await t.http().post('/api/auth/password/forgot').send({ email: 'nobody@nowhere.example' }).expect(202);
      expect(known.body).toEqual(unknown.body);
      await tokenEmailedTo(t, DEMO.otherAgent, 'reset-password');
      expect(emailsTo(t, 'nobody@nowhere.example')).toHaveLength(0);
    });

    it('resets with the emailed single-use link, signs every session out, and stores only a hash', async () => {
      const before = await login(t, DEMO.manager);
      const sent = emailsTo(t, DEMO.manager).length;
      await t.http().post('/api/auth/password/forgot').send({ email: DEMO.manager }).expect(202);
      const token = await tokenEmailedTo(t, DEMO.manager, 'reset-password', sent);
      expect(JSON.stringify(await t.dataSource.query('SELECT * FROM action_tokens'))).not.toContain(token);

      // A weak password is refused with a clear message and does not burn the link.
      const weak = await t.http().post('/api/auth/password/reset').send({ token, password: 'short' }).expect(400);
      expect(weak.body.message).toBe('Password must be at least 10 characters long');
      const common = await t.http().post('/api/auth/password/reset').send({ token, password: 'password123' }).expect(400);
      expect(common.body.message).toMatch(/too common/);
      const email = await t.http().post('/api/auth/password/reset').send({ token, password: 'manager-is-me-2026' }).expect(400);
      expect(email.body.message).toMatch(/email address/);

      await t.http().post('/api/auth/password/reset').send({ token, password: NEW_PASSWORD }).expect(204);
      await t.http().post('/api/auth/password/reset').send({ token, password: 'Another-good-phrase-7' }).expect(400);
      await refresh(t, before.refreshToken).expect(401);
      await t.http().post('/api/auth/login').send({ email: DEMO.manager, password: t.config.demoPassword }).expect(401);
      await login(t, DEMO.manager, NEW_PASSWORD);
    });

    it('refuses an expired or unknown link', async () => {
      const sent = emailsTo(t, 'diego@demo.fasto.app').length;
      await t.http().post('/api/auth/password/forgot').send({ email: 'diego@demo.fasto.app' }).expect(202);
      const token = await tokenEmailedTo(t, 'diego@demo.fasto.app', 'reset-password', sent);
      await t.dataSource.getRepository(ActionToken).update({ purpose: 'password_reset' }, { expiresAt: new Date(Date.now() - 1000) });
      const expired = await t.http().post('/api/auth/password/reset').send({ token, password: NEW_PASSWORD }).expect(400);
      expect(expired.body.message).toMatch(/invalid or has expired/);
      await t
        .http()
        .post('/api/auth/password/reset')
        .send({ token: 'x'.repeat(43), password: NEW_PASSWORD })
        .expect(400);
    });
  });

  describe('change', () => {
    it('needs the current password, keeps this session and signs the others out', async () => {
      const here = await login(t, 'fabio@demo.fasto.app');
      const elsewhere = await login(t, 'fabio@demo.fasto.app');
      const wrong = await t
        .http()
        .post('/api/auth/password/change')
        .set('authorization', bearer(here))
        .send({ currentPassword: 'not-it-at-all', newPassword: NEW_PASSWORD })
        .expect(400);
      expect(wrong.body.details).toEqual([{ field: 'currentPassword', messages: ['Current password is incorrect'] }]);
      await t
        .http()
        .post('/api/auth/password/change')
        .set('authorization', bearer(here))
        .send({ currentPassword: t.config.demoPassword, newPassword: 'tiny' })
        .expect(400);

      await t
        .http()
        .post('/api/auth/password/change')
        .set('authorization', bearer(here))
        .send({ currentPassword: t.config.demoPassword, newPassword: NEW_PASSWORD })
        .expect(204);
      await refresh(t, elsewhere.refreshToken).expect(401);
      await t.http().get('/api/auth/me').set('authorization', bearer(elsewhere)).expect(401);
      await t.http().get('/api/auth/me').set('authorization', bearer(here)).expect(200);
      await refresh(t, here.refreshToken).expect(200);
      await login(t, 'fabio@demo.fasto.app', NEW_PASSWORD);
    });
  });

  /** What the users module does after creating a member: the invitation, sent in the member's tenant. */
  const inviteIn = (tenantId: string, user: User) => t.app.get(TenantContext).runInTenant(tenantId, () => t.app.get(InvitationService).invite(user));

  describe('invitations', () => {
    it('tells an expired, replaced or unknown invitation link apart without using it', async () => {
      const tenant = await t.dataSource.getRepository(Tenant).findOneByOrFail({ slug: 'demo' });
      const invited = await t.dataSource.getRepository(User).save({
        id: randomUUID(),
        tenantId: tenant.id,
        email: 'late.agent@demo.fasto.app',
        fullName: 'Agente Atrasada',
        role: Role.Agent,
        passwordHash: null,
        isActive: true,
      });
      const check = async (token: string) => (await t.http().post('/api/auth/invite/check').send({ token }).expect(200)).body;
      await inviteIn(tenant.id, invited);
      const first = await tokenEmailedTo(t, invited.email, 'accept-invite');
      await inviteIn(tenant.id, invited);
      const second = await tokenEmailedTo(t, invited.email, 'accept-invite', 1);
      expect(await check(first)).toEqual({ status: 'used' });
      expect((await check(second)).status).toBe('valid');
      await t.dataSource.getRepository(ActionToken).update({ userId: invited.id, usedAt: IsNull() }, { expiresAt: new Date(Date.now() - 1000) });
      expect(await check(second)).toEqual({ status: 'expired' });
      expect(await check('x'.repeat(43))).toEqual({ status: 'invalid' });
      await t.http().post('/api/auth/invite/check').send({ token: 'short' }).expect(400);
      await t.http().post('/api/auth/invite/check').send({ token: second, extra: 1 }).expect(400);
    });

    it('lets an invited user set a password once and signs them in', async () => {
      const tenant = await t.dataSource.getRepository(Tenant).findOneByOrFail({ slug: 'demo' });
      const team = await idOf(t, DEMO.agent);
      const invited = await t.dataSource.getRepository(User).save({
        id: randomUUID(),
        tenantId: tenant.id,
        email: 'new.agent@demo.fasto.app',
        fullName: 'Nova Agente',
        role: Role.Agent,
        teamId: (await t.dataSource.getRepository(User).findOneByOrFail({ id: team.id })).teamId,
        passwordHash: null,
        isActive: true,
      });
      // Before accepting, the account cannot sign in at all.
      await t.http().post('/api/auth/login').send({ email: invited.email, password: NEW_PASSWORD }).expect(401);

      await inviteIn(tenant.id, invited);
      const token = await tokenEmailedTo(t, invited.email, 'accept-invite');
      const check = () => t.http().post('/api/auth/invite/check').send({ token }).expect(200);
      expect((await check()).body).toEqual({ status: 'valid', email: invited.email, fullName: 'Nova Agente', tenantName: 'Demo' });
      expect((await check()).body.status).toBe('valid'); // checking never uses the link
      await t.http().post('/api/auth/invite/accept').send({ token, password: 'short' }).expect(400);
      const accepted = await t.http().post('/api/auth/invite/accept').send({ token, password: NEW_PASSWORD }).expect(200);
      expect(accepted.body).toMatchObject({ expiresIn: 900, user: { email: invited.email, role: 'agent' } });
      expect(refreshCookieOf(accepted)).toBeTruthy();

      await t.http().post('/api/auth/invite/accept').send({ token, password: 'Another-good-phrase-7' }).expect(400);
      expect((await check()).body).toEqual({ status: 'used' });
      await login(t, invited.email, NEW_PASSWORD);
      await t
        .http()
        .post('/api/auth/logout')
        .set('cookie', cookieHeader(refreshCookieOf(accepted)!))
        .expect(204);
    });
  });
});
