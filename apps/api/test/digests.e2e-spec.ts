import type { DashboardResponse } from '@fasto/contracts';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Equal } from 'typeorm';
import { JobRepository } from '../src/core/jobs/job.repository';
import { MailerService } from '../src/core/mail/mailer.service';
import { JobRunner } from '../src/core/jobs/job-runner';
import { TenantContext } from '../src/core/tenancy/tenant-context';
import { TenantTimezones } from '../src/modules/attendances/tenant-timezones';
import { DigestJob } from '../src/modules/digests/digest.job';
import { DigestDelivery } from '../src/modules/digests/entities/digest-delivery.entity';
import { catalogOf, insertAttendances } from './support/attendance-fixtures';
import { DEMO, client, idOf, type Client } from './support/auth-helpers';
import { startTestApp, type TestApp } from './support/test-app';

/** One e-mail from the outbox: its headers and its text part, decoded. */
interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

function decodePart(raw: string, type: 'text/plain' | 'text/html'): string {
  const start = raw.search(new RegExp(`^Content-Type: ${type}`, 'mi'));
  if (start < 0) return '';
  const part = raw.slice(start);
  const headerEnd = part.search(/\r?\n\r?\n/);
  const headers = part.slice(0, headerEnd);
  const body = part
    .slice(headerEnd)
    .replace(/^\r?\n\r?\n/, '')
    .split(/\r?\n--/)[0];
  if (/Content-Transfer-Encoding: base64/i.test(headers)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/Content-Transfer-Encoding: quoted-printable/i.test(headers)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** A header's value, unfolded, with its MIME encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`) decoded. */
function header(raw: string, name: string): string {
  const folded = new RegExp(`^${name}: (.*(?:\\r?\\n[ \\t].*)*)`, 'm').exec(raw)?.[1] ?? '';
  return folded
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/\r?\n[ \t]+/g, ' ')
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    )
    .trim();
}

function outbox(t: TestApp): Mail[] {
  const dir = join(t.config.dataDir, 'outbox');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .map((file) => readFileSync(join(dir, file), 'utf8'))
    .map((raw) => ({
      to: header(raw, 'To'),
      subject: header(raw, 'Subject'),
      text: decodePart(raw, 'text/plain'),
      html: decodePart(raw, 'text/html'),
    }));
}

const digestsTo = (t: TestApp, email: string) => outbox(t).filter((mail) => mail.to === email && mail.subject.startsWith('Fasto: '));

// Monday 30 Nov 2026. Demo keeps America/Sao_Paulo (UTC-3); Acme is moved to UTC.
const MONDAY_0700_SAO_PAULO = new Date('2026-11-30T10:00:00Z');
const MONDAY_0800_SAO_PAULO = new Date('2026-11-30T11:00:00Z');
const TUESDAY_0800_SAO_PAULO = new Date('2026-12-01T11:00:00Z');
const WEDNESDAY_0800_SAO_PAULO = new Date('2026-12-02T11:00:00Z');

describe('digests', () => {
  let t: TestApp;
  let admin: Client;
  let manager: Client;
  const BETA_MANAGER = 'manager.beta@demo.fasto.app';
  const ACME_MANAGER = 'manager@acme.fasto.app';

  /** The job as the scheduler runs it: through a JobRunner whose clock is fixed, in its own slot. */
  const runJob = (now: Date, instance = 'instance-a', slot = now.toISOString().slice(0, 16) + 'Z') =>
    new JobRunner(new JobRepository(t.dataSource), instance, () => now).run({ name: 'digests.send', handler: t.app.get(DigestJob) }, slot);

  beforeAll(async () => {
    t = await startTestApp({ seed: true });
    admin = await client(t, DEMO.admin);
    manager = await client(t, DEMO.manager);
    const acme = await idOf(t, DEMO.acmeAdmin);
    await t.dataSource.query('UPDATE tenants SET timezone = ? WHERE id = ?', ['UTC', acme.tenantId]);
    t.app.get(TenantTimezones).forget(acme.tenantId);

    // Preferences through the profile route: the Demo manager reads English, daily; the Beta manager wants none.
    await manager.patch('/api/users/me', { digest: 'daily', locale: 'en' }).expect(200);
    const beta = await client(t, BETA_MANAGER);
    await beta.patch('/api/users/me', { digest: 'off' }).expect(200);
    // An agent who picks a frequency still gets nothing: digests are for managers and admins.
    const agent = await client(t, DEMO.agent);
    await agent.patch('/api/users/me', { digest: 'daily' }).expect(200);
    // A weekly sales goal for the whole organization: the admin's weekly digest says how the week ended.
    await admin.post('/api/goals', { scope: 'tenant', metric: 'conversions', period: 'week', target: 10, activeFrom: '2026-11-01' }).expect(201);

    const demoTenant = (await idOf(t, DEMO.admin)).tenantId;
    const catalog = await catalogOf(t, demoTenant);
    const alpha = catalog.team('Equipe Alpha').id;
    const beta2 = catalog.team('Equipe Beta').id;
    const alice = catalog.user(DEMO.agent).id;
    const bruno = catalog.user(DEMO.otherAgent).id;
    const carla = catalog.user('carla@demo.fasto.app').id;
    const diego = catalog.user('diego@demo.fasto.app').id;
    const at = (iso: string, userId: string, teamId: string, extra: object = {}) => ({
      tenantId: demoTenant,
      attendedAt: new Date(iso),
      userId,
      teamId,
      ...extra,
    });
    await insertAttendances(t, [
      // The previous week (16–22 Nov): the comparison.
      at('2026-11-17T15:00:00Z', alice, alpha, { converted: true, saleValue: 1000 }),
      at('2026-11-18T15:00:00Z', bruno, alpha),
      // The week of 23–29 Nov (São Paulo days).
      at('2026-11-23T12:00:00Z', alice, alpha, { converted: true, saleValue: 1500.5, score: 90 }),
      at('2026-11-24T12:00:00Z', alice, alpha, { converted: true, saleValue: 250, score: 40 }),
      at('2026-11-25T12:00:00Z', bruno, alpha, { score: 30, firstResponseTimeMin: 95 }),
      at('2026-11-26T12:00:00Z', carla, alpha, { firstResponseTimeMin: 5 }),
      at('2026-11-27T12:00:00Z', diego, beta2, { converted: true, saleValue: 4000 }),
      // Saturday 28 Nov: the day before the daily digest's day.
      at('2026-11-28T18:00:00Z', bruno, alpha, { converted: true, saleValue: 300 }),
      // Sunday 29 Nov in São Paulo, 02:30 UTC on Monday: still Sunday for the tenant.
      at('2026-11-29T14:00:00Z', carla, alpha, { converted: true, saleValue: 1234.56, score: 45 }),
      at('2026-11-30T02:30:00Z', alice, alpha, { firstResponseTimeMin: 120 }),
      // Monday 30 Nov (for Tuesday's daily digest).
      at('2026-11-30T13:00:00Z', bruno, alpha, { converted: true, saleValue: 99 }),
    ]);
  });
  afterAll(() => t.close());

  it('keeps the preference on the user, shown by the profile and refused when unknown', async () => {
    const { body } = await admin.get('/api/auth/me').expect(200);
    expect(body.user.digest).toBe('weekly');
    const me = await manager.patch('/api/users/me', {}).expect(200);
    expect(me.body.digest).toBe('daily');
    await manager.patch('/api/users/me', { digest: 'hourly' }).expect(400);
    await manager.patch('/api/users/me', { digest: null }).expect(400);
  });

  it('sends nothing before 08:00 tenant time: at 07:00 in São Paulo only the UTC tenant gets its Monday digests', async () => {
    expect(await runJob(MONDAY_0700_SAO_PAULO)).toMatchObject({ outcome: 'ok', message: 'sent 2 digest(s)' });
    expect(
      outbox(t)
        .map((mail) => mail.to)
        .sort(),
    ).toEqual([DEMO.acmeAdmin, ACME_MANAGER]);
    expect(digestsTo(t, DEMO.acmeAdmin)[0].subject).toBe('Fasto: resumo semanal de 23/11 a 29/11/2026');
    // Acme's own numbers only: Demo's week of sales is not in it.
    expect(digestsTo(t, DEMO.acmeAdmin)[0].text).toContain('- Atendimentos: 0 (=)');
    expect(digestsTo(t, DEMO.acmeAdmin)[0].text).not.toMatch(/Alice|Diego/);
  });

  it('at 08:00 in São Paulo: the weekly digest to the admin, the daily one to the manager who asked for it; none for off or agents', async () => {
    expect(await runJob(MONDAY_0800_SAO_PAULO)).toMatchObject({ outcome: 'ok', message: 'sent 2 digest(s)' });
    expect(digestsTo(t, DEMO.admin).map((mail) => mail.subject)).toEqual(['Fasto: resumo semanal de 23/11 a 29/11/2026']);
    expect(digestsTo(t, DEMO.manager).map((mail) => mail.subject)).toEqual(['Fasto: daily digest for 11/29/2026']);
    for (const nobody of [BETA_MANAGER, DEMO.agent, DEMO.otherAgent]) expect(digestsTo(t, nobody)).toEqual([]);
    expect(outbox(t)).toHaveLength(4);
  });

  it('says what the dashboard API says for the same days, in the reader’s language and formats', async () => {
    const week = (await admin.get('/api/dashboard?from=2026-11-23&to=2026-11-29').expect(200)).body as DashboardResponse;
    const pt = (value: number) => new Intl.NumberFormat('pt-BR').format(value);
    const brl = (value: number) => new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' }).format(value);
    const [weekly] = digestsTo(t, DEMO.admin);
    expect(week.totals).toMatchObject({ attendances: 8, converted: 5, saleValue: 7285.06 });
    expect(weekly.text).toContain(`Atendimentos: ${pt(week.totals.attendances)} (+300%)`);
    expect(weekly.text).toContain(`Vendas: ${pt(week.totals.converted)} (+400%)`);
    expect(weekly.text).toContain(`Valor vendido: ${brl(week.totals.saleValue)}`);
    // Ranked by sales like the dashboard's `sort=converted` (ties by name); the bottom never repeats the top.
    expect(weekly.text).toContain('Destaques\n1. Alice Atendente — 2 vendas · 3 atendimentos\n2. Bruno Souza');
    expect(weekly.text).toContain('Precisam de atenção\n- Diego Ramos — 1 vendas · 1 atendimentos');
    // Alerts of the week, judged like the notifications (score below 50, first response over 60 min).
    expect(weekly.text).toContain('- Notas abaixo de 50: 3');
    expect(weekly.text).toContain('- Primeira resposta acima de 60 min: 2');
    expect(weekly.text).toContain('Bruno Souza: 1 nota(s) baixa(s) · 1 resposta(s) lenta(s)');
    expect(weekly.text).toContain(`${t.config.publicUrl}/dashboard?range=custom&from=2026-11-23&to=2026-11-29`);
    expect(weekly.html).toContain('Ana Administradora');
    expect(weekly.text).toContain('Metas\n- Empresa · Vendas (semana): 5 / 10 (50,0%, atrasada)');

    // The manager's day: their team only, in English (Intl en), Sunday in São Paulo including 02:30 UTC on Monday.
    const sunday = (await manager.get('/api/dashboard?from=2026-11-29&to=2026-11-29').expect(200)).body as DashboardResponse;
    const en = (value: number) => new Intl.NumberFormat('en').format(value);
    const [daily] = digestsTo(t, DEMO.manager);
    expect(sunday.totals).toMatchObject({ attendances: 2, converted: 1, saleValue: 1234.56 });
    expect(daily.text).toContain(`Attendances: ${en(sunday.totals.attendances)} (+100%)`);
    expect(daily.text).toContain(`Sales value: ${new Intl.NumberFormat('en', { style: 'currency', currency: 'BRL' }).format(sunday.totals.saleValue)}`);
    expect(daily.text).toContain('Equipe Alpha · Demo');
    expect(daily.text).toContain('- Scores below 50: 1');
    expect(daily.text).toContain('- First response over 60 min: 1');
    expect(daily.text).toContain('teamId=');
    expect(daily.text).not.toContain('Diego');
  });

  it('sends each digest once when the job runs again later the same day', async () => {
    expect(await runJob(new Date('2026-11-30T11:15:00Z'))).toMatchObject({ outcome: 'ok', message: 'sent 0 digest(s)' });
    expect(await runJob(new Date('2026-11-30T23:45:00Z'))).toMatchObject({ outcome: 'ok', message: 'sent 0 digest(s)' });
    expect(outbox(t)).toHaveLength(4);
  });

  it('gives the claim back when the mail server fails, so a later run of the day sends it once', async () => {
    const mailer = t.app.get(MailerService);
    const send = jest.spyOn(mailer, 'send').mockRejectedValueOnce(new Error('SMTP down'));
    try {
      await admin.patch('/api/users/me', { digest: 'daily' }).expect(200);
      const failed = await runJob(new Date('2026-11-30T12:00:00Z'));
      expect(failed).toMatchObject({ outcome: 'failed', message: 'sent 0 digest(s); 1 could not be sent and will be retried' });
      const retried = await runJob(new Date('2026-11-30T12:15:00Z'));
      expect(retried).toMatchObject({ outcome: 'ok', message: 'sent 1 digest(s)' });
      expect(await runJob(new Date('2026-11-30T12:30:00Z'))).toMatchObject({ outcome: 'ok', message: 'sent 0 digest(s)' });
      // The admin's daily digest (Sunday) went out once; the other daily digest of the tenant was not disturbed.
      expect(digestsTo(t, DEMO.admin).map((mail) => mail.subject)).toEqual([
        'Fasto: resumo semanal de 23/11 a 29/11/2026',
        'Fasto: resumo diário de 29/11/2026',
      ]);
    } finally {
      send.mockRestore();
      await admin.patch('/api/users/me', { digest: 'weekly' }).expect(200);
    }
  });

  it('sends each digest once when two runs race (two instances, two slots, and two bare handler runs)', async () => {
    const before = outbox(t).length;
    const [a, b] = await Promise.all([runJob(TUESDAY_0800_SAO_PAULO, 'instance-a'), runJob(TUESDAY_0800_SAO_PAULO, 'instance-b', 'manual-retry')]);
    expect([a, b].map((run) => ('message' in run ? run.message : null)).sort()).toEqual(['sent 0 digest(s)', 'sent 1 digest(s)']);
    const job = t.app.get(DigestJob);
    const context = t.app.get(TenantContext);
    const bare = await Promise.all([1, 2].map(() => context.runAsSystem('job: digests.send', () => job.run({ now: WEDNESDAY_0800_SAO_PAULO, slot: 'x' }))));
    expect(bare.sort()).toEqual(['sent 0 digest(s)', 'sent 1 digest(s)']);
    expect(outbox(t).length - before).toBe(2);
    expect(digestsTo(t, DEMO.manager).map((mail) => mail.subject)).toEqual([
      'Fasto: daily digest for 11/29/2026',
      'Fasto: daily digest for 11/30/2026',
      'Fasto: daily digest for 12/01/2026',
    ]);
    const demo = await idOf(t, DEMO.manager);
    const rows = await t.dataSource.getRepository(DigestDelivery).findBy({ tenantId: Equal(demo.tenantId), userId: Equal(demo.id) });
    expect(rows.map((row) => [row.kind, row.periodStart, row.status]).sort()).toEqual([
      ['daily', '2026-11-29', 'sent'],
      ['daily', '2026-11-30', 'sent'],
      ['daily', '2026-12-01', 'sent'],
    ]);
  });
});
