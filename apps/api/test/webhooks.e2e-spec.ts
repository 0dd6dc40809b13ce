import { ErrorCode, NotificationType } from '@fasto/contracts';
import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateApiKey } from '../src/core/auth/api-key-format';
import { hashSecretToken } from '../src/core/auth/secret-token';
import { TenantContext } from '../src/core/tenancy/tenant-context';
import { AuditService } from '../src/modules/audit/audit.service';
import { ApiKey } from '../src/modules/integration/entities/api-key.entity';
import { DISABLE_AFTER_FAILURES } from '../src/modules/webhooks/webhook-dispatcher';
import { WebhookDeliveryJob } from '../src/modules/webhooks/webhook-delivery.job';
import { client, DEMO, type Client } from './support/auth-helpers';
import { startTestApp, type TestApp } from './support/test-app';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver on a fixed local port that can be taken down and brought back. */
class Receiver {
  readonly received: Received[] = [];
  private server: Server | null = null;
  port = 0;

  async up(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async down(): Promise<void> {
    const server = this.server;
    if (!server) return;
    // Kept-alive sockets would keep it answering: a receiver that is down answers nothing.
    await new Promise((resolve) => {
      server.close(resolve);
      server.closeAllConnections();
    });
    this.server = null;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hook`;
  }
}

/** The receiver's side of docs/webhooks.md, written out independently of the API's code. */
function verify(secret: string, received: Received): boolean {
  const header = String(received.headers['x-fasto-signature']);
  const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header) ?? [];
  return v1 === createHmac('sha256', secret).update(`${t}.${received.body}`).digest('hex');
}

const MINUTE = 60_000;
/** A stored UTC datetime as read back raw (a Date from mysql2, text from SQLite), in ms. */
const msOf = (value: unknown) => (value instanceof Date ? value.getTime() : new Date(`${String(value).replace(' ', 'T')}Z`).getTime());

describe('outbound webhooks', () => {
  let t: TestApp;
  let admin: Client;
  let acmeAdmin: Client;
  let apiKey: string;
  const receiver = new Receiver();

  const runJob = (now: Date) => new TenantContext().runAsSystem('test: webhook deliveries', () => t.app.get(WebhookDeliveryJob).run({ now, slot: 'test' }));
  const ingest = (body: object) => t.http().post('/api/integration/attendances').set('x-api-key', apiKey).send(body);
  const deliveriesOf = async (endpointId: string) =>
    t.dataSource.query(
      'SELECT id, event, status, attempts, next_attempt_at AS nextAttemptAt FROM webhook_deliveries WHERE endpoint_id = ? ORDER BY created_at, id',
      [endpointId],
    );

  beforeAll(async () => {
    t = await startTestApp({ seed: true, env: { WEBHOOK_ALLOW_PRIVATE: 'true' } });
    [admin, acmeAdmin] = await Promise.all([client(t, DEMO.admin), client(t, DEMO.acmeAdmin)]);
    const generated = generateApiKey();
    await t.dataSource
      .getRepository(ApiKey)
      .insert({ id: randomUUID(), tenantId: admin.session.body.user.tenantId, name: 'n8n', prefix: generated.prefix, keyHash: hashSecretToken(generated.key) });
    apiKey = generated.key;
    await receiver.up();
  });
  afterAll(async () => {
    await receiver.down();
    await t.close();
  });

  it('shows the secret once, stores it encrypted, and audits the creation', async () => {
    const created = await admin.post('/api/webhooks', { url: receiver.url, events: ['attendance.created'] }).expect(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    const list = await admin.get('/api/webhooks').expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ id: created.body.id, url: receiver.url, isActive: true })]);
    expect(JSON.stringify(list.body)).not.toContain(created.body.secret);
    const [row] = await t.dataSource.query('SELECT secret_ciphertext AS stored FROM webhook_endpoints WHERE id = ?', [created.body.id]);
    expect(row.stored).not.toContain(created.body.secret.slice(6));
    const [audit] = await t.dataSource.query("SELECT actor_id AS actorId FROM audit_logs WHERE action = 'webhook.created' AND entity_id = ?", [
      created.body.id,
    ]);
    expect(audit.actorId).toBe(admin.session.body.user.id);
    await admin.delete(`/api/webhooks/${created.body.id}`).expect(204);
    expect((await admin.get('/api/webhooks').expect(200)).body.items).toEqual([]);
  });

  it('queues an event with the change, and delivers it signed, once', async () => {
    const subscribed = await t
      .http()
      .post('/api/integration/webhooks')
      .set('x-api-key', apiKey)
      .send({ url: receiver.url, events: ['attendance.created'] })
      .expect(201);
    expect(Object.keys(subscribed.body).sort()).toEqual(['id', 'secret']);
    const { id, secret } = subscribed.body as { id: string; secret: string };

    const attendance = await ingest({ external_id: 'wh-1', attended_at: new Date().toISOString(), customer_name: 'Maria' }).expect(201);
    // Written by the ingest's own transaction: there as soon as the ingest answered.
    expect(await deliveriesOf(id)).toEqual([expect.objectContaining({ event: 'attendance.created', status: 'pending' })]);

    // Two instances' runs at once: the claim lets one of them send it.
    const now = new Date();
    await Promise.all([runJob(now), runJob(now)]);
    await runJob(new Date());
    expect(receiver.received).toHaveLength(1);
    const [received] = receiver.received;
    expect(verify(secret, received)).toBe(true);
    expect(verify(secret, { ...received, body: received.body.replace('Maria', 'Marta') })).toBe(false);
    expect(JSON.parse(received.body)).toMatchObject({ type: 'attendance.created', data: { attendance: { id: attendance.body.id, customer_name: 'Maria' } } });
    expect(received.headers['x-fasto-event']).toBe('attendance.created');
    const [delivery] = await deliveriesOf(id);
    expect(delivery.status).toBe('delivered');

    const log = await admin.get(`/api/webhooks/${id}/deliveries`).expect(200);
    expect(log.body.items).toEqual([expect.objectContaining({ status: 'delivered', attempts: 1, lastResponseCode: 204, lastDurationMs: expect.any(Number) })]);

    await admin.post(`/api/webhooks/${id}/deliveries/${delivery.id}/redeliver`).expect(201);
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1].body).toBe(received.body);
    expect(receiver.received[1].headers['x-fasto-delivery']).not.toBe(received.headers['x-fasto-delivery']);

    await t.http().delete(`/api/integration/webhooks/${id}`).set('x-api-key', apiKey).expect(204);
    receiver.received.length = 0;
  });

  it('retries a receiver that is down with a growing wait, and delivers once when it is back', async () => {
    const { body: endpoint } = await admin
      .post('/api/webhooks', { url: receiver.url, events: ['attendance.converted', 'attendance.stage_changed'] })
      .expect(201);
    await ingest({ external_id: 'wh-2', attended_at: new Date().toISOString() }).expect(201);
    expect(await deliveriesOf(endpoint.id)).toEqual([]);
    await ingest({ external_id: 'wh-2', attended_at: new Date().toISOString(), converted: true, sale_value: 10 }).expect(200);
    const [queued] = await deliveriesOf(endpoint.id);
    expect(queued.event).toBe('attendance.converted');

    await receiver.down();
    const start = new Date(Date.now() + 1000);
    await runJob(start);
    const first = (await deliveriesOf(endpoint.id))[0];
    expect(first).toMatchObject({ status: 'pending', attempts: 1 });
    const firstWait = msOf(first.nextAttemptAt) - start.getTime();
    expect(firstWait).toBeGreaterThanOrEqual(MINUTE - 1000);

    await runJob(new Date(start.getTime() + 30_000));
    expect((await deliveriesOf(endpoint.id))[0].attempts).toBe(1);

    const second = new Date(start.getTime() + 2 * MINUTE);
    await runJob(second);
    const retried = (await deliveriesOf(endpoint.id))[0];
    expect(retried.attempts).toBe(2);
    const secondWait = msOf(retried.nextAttemptAt) - second.getTime();
    expect(secondWait).toBeGreaterThan(firstWait);

    await receiver.up();
    await runJob(new Date(start.getTime() + 10 * MINUTE));
    await runJob(new Date(start.getTime() + 20 * MINUTE));
    expect(receiver.received).toHaveLength(1);
    expect((await deliveriesOf(endpoint.id))[0]).toMatchObject({ status: 'delivered', attempts: 3 });
    const [row] = await t.dataSource.query('SELECT consecutive_failures AS failures FROM webhook_endpoints WHERE id = ?', [endpoint.id]);
    expect(Number(row.failures)).toBe(0);
    await admin.delete(`/api/webhooks/${endpoint.id}`).expect(204);
    receiver.received.length = 0;
  });

  it('disables an endpoint that keeps failing and tells the tenant’s admins, once', async () => {
    const { body: endpoint } = await admin.post('/api/webhooks', { url: receiver.url, events: ['attendance.created'] }).expect(201);
    await t.dataSource.query('UPDATE webhook_endpoints SET consecutive_failures = ? WHERE id = ?', [DISABLE_AFTER_FAILURES - 1, endpoint.id]);
    await receiver.down();
    await ingest({ external_id: 'wh-3', attended_at: new Date().toISOString() }).expect(201);
    await runJob(new Date(Date.now() + 1000));
    const [after] = (await admin.get('/api/webhooks').expect(200)).body.items;
    expect(after).toMatchObject({ id: endpoint.id, isActive: false, disabledAt: expect.any(String) });
    const notified = await t.dataSource.query('SELECT user_id AS userId, tenant_id AS tenantId FROM notifications WHERE type = ?', [
      NotificationType.WebhookDisabled,
    ]);
    expect(notified).toContainEqual({ userId: admin.session.body.user.id, tenantId: admin.session.body.user.tenantId });
    expect(notified.every((row: { tenantId: string }) => row.tenantId === admin.session.body.user.tenantId)).toBe(true);

    // Disabled: new events are not queued for it; re-enabling clears the count.
    await ingest({ external_id: 'wh-4', attended_at: new Date().toISOString() }).expect(201);
    expect(await deliveriesOf(endpoint.id)).toHaveLength(1);
    await receiver.up();
    const enabled = await admin.patch(`/api/webhooks/${endpoint.id}`, { isActive: true }).expect(200);
    expect(enabled.body).toMatchObject({ isActive: true, consecutiveFailures: 0, disabledAt: null });
    await admin.delete(`/api/webhooks/${endpoint.id}`).expect(204);
    receiver.received.length = 0;
  });

  it('refuses non-http, metadata and (when not allowed) private targets, at registration and again at delivery', async () => {
    const refused = await admin.post('/api/webhooks', { url: 'http://169.254.169.254/latest/meta-data', events: ['attendance.created'] }).expect(400);
    expect(refused.body.code).toBe(ErrorCode.WebhookUrlRefused);
    expect((await admin.post('/api/webhooks', { url: 'ftp://example.com/x', events: ['attendance.created'] }).expect(400)).body.code).toBe(
      ErrorCode.ValidationFailed,
    );
    await admin.post('/api/webhooks', { url: receiver.url, events: ['nope'] }).expect(400);

    const { body: endpoint } = await admin.post('/api/webhooks', { url: receiver.url, events: ['attendance.created'] }).expect(201);
    t.config.webhooks.allowPrivateTargets = false;
    try {
      expect((await admin.post('/api/webhooks', { url: receiver.url, events: ['attendance.created'] }).expect(400)).body.code).toBe(
        ErrorCode.WebhookUrlRefused,
      );
      expect((await admin.patch(`/api/webhooks/${endpoint.id}`, { url: 'http://10.0.0.5/hook' }).expect(400)).body.code).toBe(ErrorCode.WebhookUrlRefused);
      const ping = await admin.post(`/api/webhooks/${endpoint.id}/test`).expect(201);
      expect(ping.body).toMatchObject({ event: 'ping', status: 'pending', lastResponseCode: null, lastError: expect.stringContaining('refused') });
      expect(receiver.received).toHaveLength(0);
    } finally {
      t.config.webhooks.allowPrivateTargets = true;
    }
    const ping = await admin.post(`/api/webhooks/${endpoint.id}/test`).expect(201);
    expect(ping.body).toMatchObject({ event: 'ping', status: 'delivered', lastResponseCode: 204 });
    expect(receiver.received).toHaveLength(1);
    await admin.delete(`/api/webhooks/${endpoint.id}`).expect(204);
    receiver.received.length = 0;
  });

  it('keeps endpoints and deliveries to their tenant', async () => {
    const { body: endpoint } = await admin.post('/api/webhooks', { url: receiver.url, events: ['attendance.created'] }).expect(201);
    const ping = await admin.post(`/api/webhooks/${endpoint.id}/test`).expect(201);
    expect((await acmeAdmin.get('/api/webhooks').expect(200)).body.items).toEqual([]);
    await acmeAdmin.patch(`/api/webhooks/${endpoint.id}`, { isActive: false }).expect(404);
    await acmeAdmin.get(`/api/webhooks/${endpoint.id}/deliveries`).expect(404);
    await acmeAdmin.post(`/api/webhooks/${endpoint.id}/deliveries/${ping.body.id}/redeliver`).expect(404);
    await acmeAdmin.post(`/api/webhooks/${endpoint.id}/test`).expect(404);
    await acmeAdmin.delete(`/api/webhooks/${endpoint.id}`).expect(404);
    // The n8n key removes only what it subscribed.
    await t.http().delete(`/api/integration/webhooks/${endpoint.id}`).set('x-api-key', apiKey).expect(404);
    const [after] = (await admin.get('/api/webhooks').expect(200)).body.items;
    expect(after).toMatchObject({ id: endpoint.id, isActive: true });
    expect((await admin.get(`/api/webhooks/${endpoint.id}/deliveries`).expect(200)).body.items).toHaveLength(1);
    await admin.delete(`/api/webhooks/${endpoint.id}`).expect(204);
  });

  it('sends attendance.deleted with the deletion, and every attendance event names the external_id', async () => {
    const { body: endpoint } = await admin.post('/api/webhooks', { url: receiver.url, events: ['attendance.created', 'attendance.deleted'] }).expect(201);
    const payloadsOf = async (): Promise<{ event: string; body: { data: { attendance: { external_id: string } } } }[]> =>
      (await t.dataSource.query('SELECT event, payload FROM webhook_deliveries WHERE endpoint_id = ? ORDER BY created_at, id', [endpoint.id])).map(
        (row: { event: string; payload: string }) => ({ event: row.event, body: JSON.parse(row.payload) }),
      );
    const created = await ingest({ external_id: 'wh-deleted-1', attended_at: new Date().toISOString(), customer_name: 'Lia', score: 64 }).expect(201);
    const batch = await t
      .http()
      .post('/api/integration/attendances/batch')
      .set('x-api-key', apiKey)
      .send({ items: [{ external_id: 'wh-deleted-batch', attended_at: new Date().toISOString() }] })
      .expect(200);
    expect((await payloadsOf()).map(({ body }) => body.data.attendance.external_id)).toEqual(['wh-deleted-1', 'wh-deleted-batch']);

    await admin.delete(`/api/attendances/${created.body.id}`).expect(204);
    const deleted = (await payloadsOf()).filter((row) => row.event === 'attendance.deleted');
    expect(deleted).toEqual([
      {
        event: 'attendance.deleted',
        body: expect.objectContaining({
          type: 'attendance.deleted',
          data: { attendance: expect.objectContaining({ id: created.body.id, external_id: 'wh-deleted-1', customer_name: 'Lia', score: 64 }), previous: null },
        }),
      },
    ]);
    // Deleting again is a 404 and queues nothing more.
    await admin.delete(`/api/attendances/${created.body.id}`).expect(404);
    expect((await payloadsOf()).filter((row) => row.event === 'attendance.deleted')).toHaveLength(1);

    await runJob(new Date());
    const sent = receiver.received.find((received) => received.headers['x-fasto-event'] === 'attendance.deleted');
    expect(sent && JSON.parse(sent.body).data.attendance.id).toBe(created.body.id);
    expect(batch.body.results[0].status).toBe('created');
    await admin.delete(`/api/webhooks/${endpoint.id}`).expect(204);
    receiver.received.length = 0;
  });

  it('queues nothing for a deletion that rolls back', async () => {
    const { body: endpoint } = await admin.post('/api/webhooks', { url: receiver.url, events: ['attendance.deleted'] }).expect(201);
    const created = await ingest({ external_id: 'wh-deleted-rollback', attended_at: new Date().toISOString() }).expect(201);
    const audit = t.app.get(AuditService);
    const record = jest.spyOn(audit, 'record').mockRejectedValueOnce(new Error('audit down'));
    try {
      await admin.delete(`/api/attendances/${created.body.id}`).expect(500);
    } finally {
      record.mockRestore();
    }
    expect(await deliveriesOf(endpoint.id)).toEqual([]);
    await admin.get(`/api/attendances/${created.body.id}`).expect(200);
    await admin.delete(`/api/webhooks/${endpoint.id}`).expect(204);
  });

  it('queues the events of a batch ingest in its transaction, one per attendance and subscribed event', async () => {
    const { body: endpoint } = await admin.post('/api/webhooks', { url: receiver.url, events: ['attendance.created', 'attendance.converted'] }).expect(201);
    const at = new Date().toISOString();
    const items = [
      { external_id: 'wh-batch-1', attended_at: at },
      { external_id: 'wh-batch-2', attended_at: at, converted: true },
    ];
    await t.http().post('/api/integration/attendances/batch').set('x-api-key', apiKey).send({ items }).expect(200);
    const queued = await deliveriesOf(endpoint.id);
    expect(queued.map((row: { event: string }) => row.event).sort()).toEqual(['attendance.converted', 'attendance.created', 'attendance.created']);
    await admin.delete(`/api/webhooks/${endpoint.id}`).expect(204);
    expect(await deliveriesOf(endpoint.id)).toEqual([]);
  });
});
