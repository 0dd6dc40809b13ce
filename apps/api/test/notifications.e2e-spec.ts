import { NotificationType, type NotificationView } from '@fasto/contracts';
import { randomUUID } from 'node:crypto';
import { generateApiKey } from '../src/core/auth/api-key-format';
import { hashSecretToken } from '../src/core/auth/secret-token';
import { newId } from '../src/core/database/ids';
import { DomainEvents } from '../src/core/events/domain-events';
import type { JobContext } from '../src/core/jobs/scheduled-job.decorator';
import { TenantContext } from '../src/core/tenancy/tenant-context';
import { ApiKey } from '../src/modules/integration/entities/api-key.entity';
import { TrialExpiryJob } from '../src/modules/maintenance/trial-expiry.job';
import { NotificationRetention } from '../src/modules/notifications/notification-retention.service';
import { bearer, client, cookieHeader, DEMO, idOf, type Client } from './support/auth-helpers';
import { openEventStream } from './support/event-stream';
import { startTestApp, type TestApp } from './support/test-app';

describe('notifications: triggers, tray API, unread count, live stream', () => {
  let t: TestApp;
  let key: string;
  let admin: Client;
  let manager: Client;
  let betaManager: Client;
  let agent: Client;
  let acmeAdmin: Client;
  let superAdmin: Client;

  const ingest = (overrides: Record<string, unknown> = {}) =>
    t
      .http()
      .post('/api/integration/attendances')
      .set('x-api-key', key)
      .send({
        external_id: `conv-${randomUUID()}`,
        agent_email: DEMO.agent,
        customer_name: 'Maria Souza',
        score: 80,
        first_response_time_min: 5,
        converted: false,
        attended_at: '2026-03-10T12:00:00-03:00',
        ...overrides,
      });

  /** Every notification row of a user (straight from the database), optionally of one type. */
  const rowsOf = async (email: string, type?: NotificationType) => {
    const { id } = await idOf(t, email);
    const rows: { type: string; eventKey: string; link: string | null; body: string }[] = await t.dataSource.query(
      'SELECT type, event_key AS eventKey, link, body FROM notifications WHERE user_id = ? ORDER BY created_at, id',
      [id],
    );
    return type ? rows.filter((row) => row.type === type) : rows;
  };
  const countAll = async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM notifications'))[0].n);
  const unread = async (who: Client) => (await who.get('/api/notifications/unread-count').expect(200)).body.count as number;

  beforeAll(async () => {
    t = await startTestApp({ seed: true, env: { NOTIFICATION_STREAM_SWEEP_MS: '200' } });
    [admin, manager, betaManager, agent, acmeAdmin, superAdmin] = await Promise.all(
      [DEMO.admin, DEMO.manager, 'manager.beta@demo.fasto.app', DEMO.agent, DEMO.acmeAdmin, DEMO.superAdmin].map((email) => client(t, email)),
    );
    const generated = generateApiKey();
    await t.dataSource
      .getRepository(ApiKey)
      .insert({ id: randomUUID(), tenantId: admin.session.body.user.tenantId, name: 'n8n', prefix: generated.prefix, keyHash: hashSecretToken(generated.key) });
    key = generated.key;
  });
  afterAll(() => t.close());

  describe('attendance triggers (from a real ingest call)', () => {
    it('a closed sale notifies the managers of the agent’s team and the admins — nobody else, no other tenant', async () => {
      const before = { manager: await unread(manager), admin: await unread(admin), beta: await unread(betaManager), agent: await unread(agent) };
      const acmeBefore = await unread(acmeAdmin);
      const created = await ingest({ converted: true, sale_value: 1500, customer_name: 'Loja da Esquina' }).expect(201);

      expect(await unread(manager)).toBe(before.manager + 1);
      expect(await unread(admin)).toBe(before.admin + 1);
      expect(await unread(betaManager)).toBe(before.beta);
      expect(await unread(agent)).toBe(before.agent);
      expect(await unread(acmeAdmin)).toBe(acmeBefore);

      const [newest] = (await manager.get('/api/notifications?limit=1').expect(200)).body.items as NotificationView[];
      expect(newest).toMatchObject({
        type: NotificationType.SaleClosed,
        title: 'Venda Fechada',
        link: `/attendances/${created.body.id}`,
        readAt: null,
      });
      expect(newest.body).toContain('Loja da Esquina');
      expect(newest.body).toMatch(/R\$\s1\.500,00/);
    });

    it('fires once per event: retries, updates and a converted false → true → false → true flip never repeat it', async () => {
      const externalId = `conv-${randomUUID()}`;
      const sales = async () => (await rowsOf(DEMO.manager, NotificationType.SaleClosed)).length;
      const start = await sales();
      await ingest({ external_id: externalId }).expect(201);
      expect(await sales()).toBe(start);
      await ingest({ external_id: externalId, converted: true, sale_value: 10 }).expect(200);
      expect(await sales()).toBe(start + 1);
      await ingest({ external_id: externalId, converted: true, sale_value: 10 }).expect(200); // retry: unchanged
      await ingest({ external_id: externalId, converted: true, sale_value: 20 }).expect(200); // update, still converted
      await ingest({ external_id: externalId, converted: false }).expect(200);
      await ingest({ external_id: externalId, converted: true, sale_value: 30 }).expect(200);
      expect(await sales()).toBe(start + 1);
    });

    it('20 parallel posts of one converted external_id → one row, one notification per recipient', async () => {
      const body = { external_id: `race-${randomUUID()}`, converted: true, sale_value: 99 };
      const start = { manager: (await rowsOf(DEMO.manager)).length, admin: (await rowsOf(DEMO.admin)).length };
      const responses = await Promise.all(Array.from({ length: 20 }, () => ingest(body)));
      expect(responses.map((response) => response.status).sort()).toEqual([...Array(19).fill(200), 201]);
      expect((await rowsOf(DEMO.manager)).length).toBe(start.manager + 1);
      expect((await rowsOf(DEMO.admin)).length).toBe(start.admin + 1);
    });

    it('the batch route notifies like single posts: each closed sale once, retries of the batch nothing more', async () => {
      const sales = async () => (await rowsOf(DEMO.manager, NotificationType.SaleClosed)).length;
      const start = await sales();
      const items = [0, 1, 2].map((index) => ({
        external_id: `batch-${randomUUID()}`,
        agent_email: DEMO.agent,
        customer_name: `Lote ${index}`,
        converted: index < 2,
        sale_value: 100 + index,
        attended_at: '2026-03-10T12:00:00-03:00',
      }));
      const batch = () => t.http().post('/api/integration/attendances/batch').set('x-api-key', key).send({ items });
      expect((await batch()).status).toBe(200);
      expect(await sales()).toBe(start + 2);
      expect((await batch()).status).toBe(200);
      expect(await sales()).toBe(start + 2);
    });

    it('a low score notifies the team’s managers once, against the tenant’s threshold', async () => {
      const lows = async (email: string) => (await rowsOf(email, NotificationType.LowScore)).length;
      const start = { manager: await lows(DEMO.manager), beta: await lows('manager.beta@demo.fasto.app'), admin: await lows(DEMO.admin) };
      const externalId = `low-${randomUUID()}`;
      await ingest({ external_id: externalId, score: 30 }).expect(201);
      expect(await lows(DEMO.manager)).toBe(start.manager + 1);
      expect(await lows('manager.beta@demo.fasto.app')).toBe(start.beta);
      expect(await lows(DEMO.admin)).toBe(start.admin);
      await ingest({ external_id: externalId, score: 20 }).expect(200); // still low: same event
      await ingest({ external_id: `ok-${randomUUID()}`, score: 50 }).expect(201); // 50 is not below 50
      expect(await lows(DEMO.manager)).toBe(start.manager + 1);

      await admin.patch('/api/tenant', { settings: { lowScoreThreshold: 80 } }).expect(200);
      await ingest({ external_id: `mid-${randomUUID()}`, score: 70 }).expect(201);
      expect(await lows(DEMO.manager)).toBe(start.manager + 2);
      await admin.patch('/api/tenant', { settings: { lowScoreThreshold: 50 } }).expect(200);
    });

    it('a first response slower than the SLA notifies the team’s managers', async () => {
      const slow = async () => (await rowsOf(DEMO.manager, NotificationType.SlowFirstResponse)).length;
      const start = await slow();
      await ingest({ first_response_time_min: 60 }).expect(201); // at the SLA: fine
      expect(await slow()).toBe(start);
      const created = await ingest({ first_response_time_min: 95, customer_name: 'Cliente Lento' }).expect(201);
      const rows = await rowsOf(DEMO.manager, NotificationType.SlowFirstResponse);
      expect(rows.length).toBe(start + 1);
      expect(rows[rows.length - 1]).toMatchObject({ link: `/attendances/${created.body.id}`, eventKey: `attendance.slow_first_response:${created.body.id}` });
      expect(rows[rows.length - 1].body).toContain('95 min');
    });

    it('an edit by a manager that closes the sale notifies too (once)', async () => {
      const created = await ingest({}).expect(201);
      const sales = async () => (await rowsOf(DEMO.admin, NotificationType.SaleClosed)).length;
      const start = await sales();
      await manager.patch(`/api/attendances/${created.body.id}`, { converted: true, saleValue: 250 }).expect(200);
      expect(await sales()).toBe(start + 1);
      await manager.patch(`/api/attendances/${created.body.id}`, { saleValue: 300 }).expect(200);
      expect(await sales()).toBe(start + 1);
    });

    it('a failed transaction leaves neither the attendance nor its notifications', async () => {
      const events = t.app.get(DomainEvents);
      events.onTransaction('attendance.recorded', async (event) => {
        if (event.customerName === 'Falha Proposital') throw new Error('simulated failure after the notifications were written');
      });
      const notificationsBefore = await countAll();
      const externalId = `fail-${randomUUID()}`;
      const response = await ingest({ external_id: externalId, customer_name: 'Falha Proposital', converted: true, score: 10 });
      expect(response.status).toBe(500);
      expect(await countAll()).toBe(notificationsBefore);
      const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM attendances WHERE external_id = ?', [externalId]);
      expect(Number(n)).toBe(0);
    });
  });

  describe('organization triggers', () => {
    it('a new organization notifies every super admin; its first admin notifies them as a new member', async () => {
      const before = await rowsOf(DEMO.superAdmin);
      const created = await superAdmin
        .post('/api/tenants', {
          name: 'Loja Nova',
          slug: `loja-${randomUUID().slice(0, 8)}`,
          admin: { email: `dona-${randomUUID()}@loja.example`, fullName: 'Dona Nova' },
        })
        .expect(201);
      const after = await rowsOf(DEMO.superAdmin);
      expect(after.slice(before.length).map((row) => [row.type, row.link])).toEqual(
        expect.arrayContaining([
          [NotificationType.TenantCreated, `/console/tenants/${created.body.id}`],
          [NotificationType.UserCreated, `/console/tenants/${created.body.id}`],
        ]),
      );
      expect(after.length).toBe(before.length + 2);
    });

    it('a new member notifies the tenant’s admins and the super admins, not managers or other tenants', async () => {
      const start = { admin: (await rowsOf(DEMO.admin)).length, manager: (await rowsOf(DEMO.manager)).length, acme: (await rowsOf(DEMO.acmeAdmin)).length };
      const superStart = (await rowsOf(DEMO.superAdmin)).length;
      const created = await admin.post('/api/users', { email: `novo-${randomUUID()}@demo.example`, fullName: 'Novo Membro', role: 'agent' }).expect(201);
      const adminRows = await rowsOf(DEMO.admin);
      expect(adminRows.length).toBe(start.admin + 1);
      expect(adminRows[adminRows.length - 1]).toMatchObject({ type: NotificationType.UserCreated, link: `/members/${created.body.id}` });
      expect((await rowsOf(DEMO.superAdmin)).length).toBe(superStart + 1);
      expect((await rowsOf(DEMO.manager)).length).toBe(start.manager);
      expect((await rowsOf(DEMO.acmeAdmin)).length).toBe(start.acme);
      // The role is named with the app's words (Atendente, Gerente), never another one.
      expect(adminRows[adminRows.length - 1].body).toMatch(/ como atendente\.$/);
      await admin.post('/api/users', { email: `gerente-${randomUUID()}@demo.example`, fullName: 'Nova Gerente', role: 'manager' }).expect(201);
      expect((await rowsOf(DEMO.admin)).pop()?.body).toMatch(/ como gerente\.$/);
    });

    it('a team change notifies that member, whether made on the member or on the team', async () => {
      const diego = await idOf(t, 'diego@demo.fasto.app');
      const moves = async () => (await rowsOf('diego@demo.fasto.app', NotificationType.TeamChanged)).length;
      const start = await moves();
      const teams = (await admin.get('/api/teams').expect(200)).body.items as { id: string; name: string }[];
      const alpha = teams.find((team) => team.name === 'Equipe Alpha')!;
      await admin.patch(`/api/users/${diego.id}`, { teamId: alpha.id }).expect(200);
      expect(await moves()).toBe(start + 1);
      await admin.patch(`/api/users/${diego.id}`, { fullName: 'Diego Ramos' }).expect(200); // not a move
      expect(await moves()).toBe(start + 1);
      const beta = teams.find((team) => team.name !== 'Equipe Alpha')!;
      await admin.patch(`/api/teams/${beta.id}`, { memberIds: [...(await memberIdsOf(beta.id)), diego.id] }).expect(200);
      expect(await moves()).toBe(start + 2);
      const rows = await rowsOf('diego@demo.fasto.app', NotificationType.TeamChanged);
      expect(rows[rows.length - 1].body).toContain(beta.name);
    });

    const memberIdsOf = async (teamId: string) => ((await admin.get(`/api/teams/${teamId}`).expect(200)).body.members as { id: string }[]).map((m) => m.id);
  });

  describe('tray API', () => {
    let reader: Client;

    beforeAll(async () => {
      reader = betaManager;
      // Four low scores for team Beta's manager, with Beta's agent.
      for (let index = 0; index < 4; index += 1) await ingest({ agent_email: 'elisa@demo.fasto.app', score: 5, customer_name: `Cliente ${index}` }).expect(201);
    });

    it('lists own notifications newest first with keyset pages and an unread filter', async () => {
      const first = await reader.get('/api/notifications?limit=3').expect(200);
      expect(first.body.items).toHaveLength(3);
      expect(first.body.items[0].body).toContain('Cliente 3');
      const second = await reader.get(`/api/notifications?limit=3&cursor=${first.body.nextCursor}`).expect(200);
      const ids = [...first.body.items, ...second.body.items].map((item: NotificationView) => item.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect((await reader.get('/api/notifications?unread=maybe').expect(400)).body.message).toMatch(/unread/);
      await reader.get('/api/notifications?cursor=not-a-cursor').expect(400);
    });

    it('marks one read, all read, deletes — and the unread count follows', async () => {
      const start = await unread(reader);
      expect(start).toBeGreaterThanOrEqual(4);
      const [one, two] = (await reader.get('/api/notifications?unread=true&limit=2').expect(200)).body.items as NotificationView[];
      const read = await reader.patch(`/api/notifications/${one.id}/read`).expect(200);
      expect(read.body.readAt).toEqual(expect.any(String));
      await reader.patch(`/api/notifications/${one.id}/read`).expect(200); // idempotent
      expect(await unread(reader)).toBe(start - 1);
      await reader.delete(`/api/notifications/${two.id}`).expect(204);
      expect(await unread(reader)).toBe(start - 2);
      await reader.delete(`/api/notifications/${two.id}`).expect(404);
      const all = await reader.post('/api/notifications/read-all').expect(200);
      expect(all.body).toEqual({ updated: start - 2 });
      expect(await unread(reader)).toBe(0);
      expect((await reader.get('/api/notifications?unread=true').expect(200)).body.items).toEqual([]);
      expect((await reader.get('/api/notifications?unread=false').expect(200)).body.items.length).toBeGreaterThan(0);
    });

    it('never shows or changes another user’s notification: 404, and nothing changes', async () => {
      const [theirs] = (await manager.get('/api/notifications?limit=1').expect(200)).body.items as NotificationView[];
      for (const other of [agent, admin, acmeAdmin]) {
        await other.patch(`/api/notifications/${theirs.id}/read`).expect(404);
        await other.delete(`/api/notifications/${theirs.id}`).expect(404);
        const listed = (await other.get('/api/notifications?limit=200').expect(200)).body.items as NotificationView[];
        expect(listed.map((item) => item.id)).not.toContain(theirs.id);
      }
      const [row] = await t.dataSource.query('SELECT read_at AS readAt FROM notifications WHERE id = ?', [theirs.id]);
      expect(row.readAt).toBeNull();
      await manager.patch('/api/notifications/not-a-uuid/read').expect(400);
    });

    it('tells the text in the reader’s language (PATCH /users/me locale)', async () => {
      await manager.patch('/api/users/me', { locale: 'en' }).expect(200);
      const items = (await manager.get('/api/notifications?limit=200').expect(200)).body.items as NotificationView[];
      expect(items.find((item) => item.type === NotificationType.SaleClosed)?.title).toBe('Sale closed');
      await manager.patch('/api/users/me', { locale: 'xx' }).expect(400);
      await manager.patch('/api/users/me', { locale: null }).expect(200);
      const again = (await manager.get('/api/notifications?limit=200').expect(200)).body.items as NotificationView[];
      expect(again.find((item) => item.type === NotificationType.SaleClosed)?.title).toBe('Venda Fechada');
    });

    it('answers 304 to an unchanged unread count', async () => {
      const first = await agent.get('/api/notifications/unread-count').expect(200);
      const etag = first.headers['etag'];
      expect(etag).toBe(`W/"${first.body.count}"`);
      await agent.get('/api/notifications/unread-count').set('if-none-match', etag).expect(304);
      await agent.get('/api/notifications/unread-count').set('if-none-match', 'W/"999"').expect(200);
    });
  });

  describe('trial lifecycle (trial-expiry job)', () => {
    it('warns the tenant’s admins and the super admins before the trial ends, and again when it expires — once each', async () => {
      const slug = `trial-${randomUUID().slice(0, 8)}`;
      const adminEmail = `dona-${randomUUID()}@trial.example`;
      await superAdmin.post('/api/tenants', { name: 'Loja em Teste', slug, trialDays: 2, admin: { email: adminEmail, fullName: 'Dona Teste' } }).expect(201);
      // As the JobRunner runs it: in the system scope.
      const job = {
        run: (context: JobContext) => t.app.get(TenantContext).runAsSystem('job: tenants.trial-expiry', () => t.app.get(TrialExpiryJob).run(context)),
      };
      const superStart = {
        ending: (await rowsOf(DEMO.superAdmin, NotificationType.TrialEnding)).length,
        expired: (await rowsOf(DEMO.superAdmin, NotificationType.TrialExpired)).length,
      };

      await job.run({ now: new Date(), slot: 'notifications-1' });
      await job.run({ now: new Date(), slot: 'notifications-2' });
      expect(await rowsOf(adminEmail, NotificationType.TrialEnding)).toHaveLength(1);
      expect((await rowsOf(DEMO.superAdmin, NotificationType.TrialEnding)).length).toBe(superStart.ending + 1);

      await job.run({ now: new Date(Date.now() + 3 * 86_400_000), slot: 'notifications-3' });
      const expired = await rowsOf(adminEmail, NotificationType.TrialExpired);
      expect(expired).toHaveLength(1);
      expect(expired[0].body).toContain('Loja em Teste');
      expect((await rowsOf(DEMO.superAdmin, NotificationType.TrialExpired)).length).toBe(superStart.expired + 1);
      expect(await rowsOf(DEMO.acmeAdmin, NotificationType.TrialEnding)).toHaveLength(0);
    });
  });

  describe('retention', () => {
    it('deletes read notifications older than 90 days, keeps unread and younger ones', async () => {
      const { id, tenantId } = await idOf(t, DEMO.otherAgent);
      const sqlTime = (date: Date) => date.toISOString().replace('T', ' ').replace('Z', '');
      const now = new Date('2026-06-01T12:00:00Z');
      const ago = (days: number, minutes = 0) => sqlTime(new Date(now.getTime() - days * 86_400_000 - minutes * 60_000));
      const rows: [string, string, string | null][] = [
        ['old-read', ago(90, 1), ago(80)],
        ['old-unread', ago(200), null],
        ['young-read', ago(89, 59), ago(1)],
      ];
      for (const [key, createdAt, readAt] of rows) {
        await t.dataSource.query(
          'INSERT INTO notifications (id, tenant_id, user_id, type, title, body, event_key, created_at, read_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
          [newId(), tenantId, id, NotificationType.TeamChanged, 't', 'b', key, createdAt, readAt],
        );
      }
      expect(await t.app.get(NotificationRetention).purge(now)).toBe(1);
      const left = await t.dataSource.query('SELECT event_key AS eventKey FROM notifications WHERE user_id = ? ORDER BY event_key', [id]);
      expect(left.map((row: { eventKey: string }) => row.eventKey)).toEqual(['old-unread', 'young-read']);
    });
  });

  describe('live stream', () => {
    it('pushes a new notification within a second of the ingest that caused it', async () => {
      const stream = openEventStream(t, '/api/notifications/stream', bearer(manager.session));
      try {
        expect(await stream.status).toBe(200);
        await stream.next((event) => event.event === 'unread-count');
        const startedAt = Date.now();
        const created = await ingest({ converted: true, sale_value: 77, customer_name: 'Ao Vivo' }).expect(201);
        const pushed = await stream.next((event) => event.event === 'notification', 1000);
        expect(Date.now() - startedAt).toBeLessThan(1000);
        expect(pushed.data).toMatchObject({ type: NotificationType.SaleClosed, link: `/attendances/${created.body.id}` });
        const counts = stream.events.filter((event) => event.event === 'unread-count').map((event) => (event.data as { count: number }).count);
        await stream.next((event) => event.event === 'unread-count' && (event.data as { count: number }).count === counts[0] + 1);
      } finally {
        stream.close();
      }
    });

    it('delivers news written outside this process (another instance) through the sweep', async () => {
      const stream = openEventStream(t, '/api/notifications/stream', bearer(agent.session));
      try {
        await stream.next((event) => event.event === 'unread-count');
        const { id, tenantId } = await idOf(t, DEMO.agent);
        await t.dataSource.query('INSERT INTO notifications (id, tenant_id, user_id, type, title, body, link, event_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
          newId(),
          tenantId,
          id,
          NotificationType.TeamChanged,
          'Sua equipe mudou',
          'Escrita por outra instância',
          null,
          `elsewhere-${randomUUID()}`,
        ]);
        const pushed = await stream.next((event) => event.event === 'notification', 2000);
        expect(pushed.data).toMatchObject({ body: 'Escrita por outra instância' });
      } finally {
        stream.close();
      }
    });

    it('ends when the session is signed out', async () => {
      const session = await client(t, DEMO.agent);
      const stream = openEventStream(t, '/api/notifications/stream', bearer(session.session));
      await stream.next((event) => event.event === 'unread-count');
      await t.http().post('/api/auth/logout').set('cookie', cookieHeader(session.session.refreshToken)).set('origin', t.config.publicUrl).expect(204);
      await expect(Promise.race([stream.ended.then(() => 'ended'), new Promise((resolve) => setTimeout(() => resolve('still open'), 2000))])).resolves.toBe(
        'ended',
      );
    });

    it('refuses anonymous and API-key callers', async () => {
      await t.http().get('/api/notifications/stream').expect(401);
      await t.http().get('/api/notifications/stream').set('x-api-key', key).expect(403);
    });
  });
});
