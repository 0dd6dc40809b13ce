import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainEvents, type DomainEventMap } from '../src/core/events/domain-events';
import { generateApiKey } from '../src/core/auth/api-key-format';
import { hashSecretToken } from '../src/core/auth/secret-token';
import { ApiKey } from '../src/modules/integration/entities/api-key.entity';
import { client, DEMO, type Client } from './support/auth-helpers';
import { startTestApp, type TestApp } from './support/test-app';

describe('integration: attendance ingest', () => {
  let t: TestApp;
  let admin: Client;
  let key: string;
  const recorded: DomainEventMap['attendance.recorded'][] = [];

  const post = (body: object) => t.http().post('/api/integration/attendances').set('x-api-key', key).send(body);
  const payload = (overrides: Record<string, unknown> = {}) => ({
    external_id: `conv-${randomUUID()}`,
    agent_email: 'Agent@Demo.Fasto.App',
    stage_name: 'negociacao',
    origin_name: 'INSTAGRAM',
    customer_name: 'Maria Souza',
    customer_phone: '+55 11 99999-0000',
    channel: 'whatsapp',
    title: 'Plano Pro',
    summary: 'Cliente quer o plano Pro.',
    full_summary: 'Análise completa da IA.',
    score: 72,
    first_response_time_min: 4.5,
    handling_time_min: 22,
    converted: false,
    attended_at: '2026-03-10T12:00:00-03:00',
    ...overrides,
  });
  const countOf = async (externalId: string) =>
    Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM attendances WHERE external_id = ?', [externalId]))[0].n);

  beforeAll(async () => {
    t = await startTestApp({ seed: true });
    admin = await client(t, DEMO.admin);
    const generated = generateApiKey();
    await t.dataSource
      .getRepository(ApiKey)
      .insert({ id: randomUUID(), tenantId: admin.session.body.user.tenantId, name: 'n8n', prefix: generated.prefix, keyHash: hashSecretToken(generated.key) });
    key = generated.key;
    t.app.get(DomainEvents).on('attendance.recorded', (event) => void recorded.push(event));
  });
  afterAll(() => t.close());

  it('creates (201), resolving agent, stage and origin by name; the dashboard counts it', async () => {
    const body = payload();
    const created = await post(body).expect(201);
    expect(created.body).toEqual({ id: expect.any(String), status: 'created', warnings: [] });
    const detail = await admin.get(`/api/attendances/${created.body.id}`).expect(200);
    expect(detail.body).toMatchObject({
      externalId: body.external_id,
      agent: { name: 'Alice Atendente' },
      team: { name: 'Equipe Alpha' },
      stage: { name: 'Negociação' },
      origin: { name: 'Instagram' },
      score: 72,
      fullSummary: 'Análise completa da IA.',
    });
    expect(detail.body.attendedAt).toBe('2026-03-10T15:00:00.000Z');
    const dashboard = await admin.get('/api/dashboard?from=2026-03-10&to=2026-03-10').expect(200);
    expect(dashboard.body.totals).toMatchObject({ attendances: 1, avgScore: 72 });
  });

  it('answers a retry with the same id and no new row; a changed payload updates it', async () => {
    const body = payload();
    const first = await post(body).expect(201);
    const again = await post(body).expect(200);
    expect(again.body).toEqual({ id: first.body.id, status: 'unchanged', warnings: [] });
    expect(await countOf(body.external_id)).toBe(1);

    const events = recorded.length;
    const changed = await post({ ...body, converted: true, sale_value: 1500, stage_name: 'Venda Fechada' }).expect(200);
    expect(changed.body).toEqual({ id: first.body.id, status: 'updated', warnings: [] });
    expect(recorded.length).toBe(events + 1);
    expect(recorded[recorded.length - 1]).toMatchObject({
      attendanceId: first.body.id,
      before: { converted: false },
      after: { converted: true, saleValue: 1500 },
    });
    await post({ ...body, converted: true, sale_value: 1500, stage_name: 'Venda Fechada' }).expect(200);
    expect(recorded.length).toBe(events + 1);
    const dashboard = await admin.get('/api/dashboard?from=2026-03-10&to=2026-03-10').expect(200);
    expect(dashboard.body.totals).toMatchObject({ attendances: 2, converted: 1, saleValue: 1500 });
  });

  it('turns 20 parallel posts of one external_id into exactly one row', async () => {
    const body = payload({ attended_at: '2026-03-11T12:00:00Z' });
    const responses = await Promise.all(Array.from({ length: 20 }, () => post(body)));
    expect(responses.map((response) => response.status).sort()).toEqual([...Array(19).fill(200), 201]);
    expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
    expect(await countOf(body.external_id)).toBe(1);
    const dashboard = await admin.get('/api/dashboard?from=2026-03-11&to=2026-03-11').expect(200);
    expect(dashboard.body.totals.attendances).toBe(1);
  });

  it('keeps attendances with unknown references, listing warnings; never links another tenant’s ids', async () => {
    const [acmeStage] = await t.dataSource.query("SELECT s.id FROM funnel_stages s JOIN tenants t ON t.id = s.tenant_id WHERE t.slug = 'acme' LIMIT 1");
    const response = await post(payload({ agent_email: 'ghost@demo.fasto.app', stage_name: undefined, stage_id: acmeStage.id, origin_name: 'Rádio' })).expect(
      201,
    );
    expect(response.body.warnings).toEqual([
      'agent "ghost@demo.fasto.app" not found; stored without agent',
      `stage ${acmeStage.id} not found in this organization; stored without stage`,
      'origin "Rádio" not found; stored without origin',
    ]);
    const detail = await admin.get(`/api/attendances/${response.body.id}`).expect(200);
    expect(detail.body).toMatchObject({ agent: null, team: null, stage: null, origin: null });
  });

  it('refuses invalid fields with per-field details and stores nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ score: 101 }, 'score'],
      [{ first_response_time_min: -1 }, 'first_response_time_min'],
      [{ attended_at: 'yesterday' }, 'attended_at'],
      [{ attended_at: new Date(Date.now() + 3 * 86_400_000).toISOString() }, 'attended_at'],
      [{ attended_at: '0100-03-10T12:00:00Z' }, 'attended_at'],
      [{ attended_at: '1999-12-31T23:59:59Z' }, 'attended_at'],
      [{ external_id: '' }, 'external_id'],
      [{ channel: 'fax' }, 'channel'],
      [{ tenant_id: 'other' }, 'tenant_id'],
      [{ sale_value: 10.555 }, 'sale_value'],
      // Tiny amounts print in exponent form ("1e-7"): a decimal-places check must refuse them, not crash.
      [{ sale_value: 1e-7 }, 'sale_value'],
    ];
    for (const [overrides, field] of cases) {
      const body = payload(overrides);
      const response = await post(body).expect(400);
      expect(response.body.details.map((detail: { field: string }) => detail.field)).toContain(field);
      if (typeof body.external_id === 'string' && body.external_id) expect(await countOf(body.external_id)).toBe(0);
    }
    await post({ attended_at: '2026-03-10T12:00:00Z' }).expect(400);
  });

  it('ignores a repost of an attendance deleted in Fasto', async () => {
    const body = payload();
    const created = await post(body).expect(201);
    await admin.delete(`/api/attendances/${created.body.id}`).expect(204);
    const again = await post({ ...body, score: 10 }).expect(200);
    expect(again.body).toMatchObject({ id: created.body.id, status: 'unchanged', warnings: ['this attendance was deleted in Fasto; the update was ignored'] });
  });

  it('ingests a batch item by item: one bad item never rejects the others', async () => {
    const first = payload();
    const response = await t
      .http()
      .post('/api/integration/attendances/batch')
      .set('x-api-key', key)
      .send({
        items: [
          first,
          payload({ score: 150 }),
          first,
          { ...first, external_id: 'conv-batch-future', attended_at: new Date(Date.now() + 5 * 86_400_000).toISOString() },
          payload({ sale_value: 1e-7 }),
          payload({ attended_at: '0100-03-10T12:00:00Z' }),
        ],
      })
      .expect(200);
    expect(response.body.results).toEqual([
      { index: 0, externalId: first.external_id, status: 'created', id: expect.any(String) },
      {
        index: 1,
        externalId: expect.any(String),
        status: 'error',
        error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/^Validation failed/), details: [{ field: 'score', messages: expect.any(Array) }] },
      },
      { index: 2, externalId: first.external_id, status: 'unchanged', id: response.body.results[0].id },
      {
        index: 3,
        externalId: 'conv-batch-future',
        status: 'error',
        error: expect.objectContaining({ message: 'attended_at is more than a day in the future' }),
      },
      {
        index: 4,
        externalId: expect.any(String),
        status: 'error',
        error: {
          code: 'VALIDATION_FAILED',
          message: expect.stringMatching(/^Validation failed/),
          details: [{ field: 'sale_value', messages: expect.any(Array) }],
        },
      },
      {
        index: 5,
        externalId: expect.any(String),
        status: 'error',
        error: {
          code: 'VALIDATION_FAILED',
          message: expect.stringMatching(/^Validation failed/),
          details: [{ field: 'attended_at', messages: ['attended_at must not be before 2000-01-01'] }],
        },
      },
    ]);
    const tooMany = await t
      .http()
      .post('/api/integration/attendances/batch')
      .set('x-api-key', key)
      .send({ items: Array.from({ length: 501 }, () => payload()) })
      .expect(400);
    expect(tooMany.body.message).toMatch(/at most 500/);
  });

  it('accepts what the example n8n workflow’s Code node produces', async () => {
    const workflow = JSON.parse(readFileSync(join(__dirname, '../../../docs/n8n/fasto-attendance.workflow.json'), 'utf8'));
    const code: string = workflow.nodes.find((node: { type: string }) => node.type === 'n8n-nodes-base.code').parameters.jsCode;
    const lists = {
      'Fasto: atendentes': (await t.http().get('/api/integration/users').set('x-api-key', key).expect(200)).body,
      'Fasto: funis': (await t.http().get('/api/integration/funnels').set('x-api-key', key).expect(200)).body,
      'Fasto: origens': (await t.http().get('/api/integration/origins').set('x-api-key', key).expect(200)).body,
      'Conversa analisada pela IA': {
        body: {
          conversation_id: `wa-${randomUUID()}`,
          agent_email: DEMO.agent,
          stage: 'Proposta',
          origin: 'Google Ads',
          score: 81,
          converted: false,
          attended_at: '2026-03-12T10:00:00-03:00',
          full_summary: 'ok',
        },
      },
    };
    const $ = (name: keyof typeof lists) => ({ first: () => ({ json: lists[name] }) });
    const [{ json: mapped }] = new Function('$', code)($);
    expect(mapped).toMatchObject({ user_id: expect.any(String), stage_id: expect.any(String), origin_id: expect.any(String), agent_email: null });
    const response = await post(mapped).expect(201);
    expect(response.body.warnings).toEqual([]);
    const detail = await admin.get(`/api/attendances/${response.body.id}`).expect(200);
    expect(detail.body).toMatchObject({ agent: { name: 'Alice Atendente' }, stage: { name: 'Proposta' }, origin: { name: 'Google Ads' } });
  });
});
