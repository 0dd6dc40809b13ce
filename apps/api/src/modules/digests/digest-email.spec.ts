import type { DashboardAgentRow, DashboardTotals } from '@fasto/contracts';
import type { DigestContent } from './digest-content';
import { digestEmail } from './digest-email';

const totals = (over: Partial<DashboardTotals> = {}): DashboardTotals => ({
  attendances: 1234,
  converted: 56,
  conversionRate: 0.0454,
  avgScore: 72.5,
  avgFirstResponseMin: 12.3,
  saleValue: 98765.4,
  ...over,
});
const agent = (name: string, converted: number): DashboardAgentRow => ({ userId: name, name, agentState: 'known', ...totals({ converted, attendances: 10 }) });

const content = (over: Partial<DigestContent> = {}): DigestContent => ({
  locale: 'pt-BR',
  recipientName: 'Marcos <script>alert(1)</script>',
  organization: 'Acme & "Filhos"',
  teamName: "Equipe <b>O'Brien</b>",
  period: { kind: 'weekly', from: '2026-11-23', to: '2026-11-29' },
  totals: totals(),
  previousTotals: totals({ attendances: 1000, saleValue: 100000, avgFirstResponseMin: 10 }),
  goals: [],
  topAgents: [agent('<img src=x onerror=alert(1)>', 9)],
  bottomAgents: [],
  alerts: { lowScores: 3, slowResponses: 0, lowScoreThreshold: 50, slaMinutes: 60, agents: [{ name: 'Bruno & Cia', lowScores: 3, slowResponses: 0 }] },
  dashboardUrl: 'https://app.fasto.test/dashboard?range=custom&from=2026-11-23&to=2026-11-29',
  ...over,
});

describe('digestEmail', () => {
  it('escapes every name a user or an admin typed, in the HTML part', () => {
    const { html } = digestEmail('m@x.test', content());
    expect(html).not.toMatch(/<script|<img|<b>/);
    expect(html).toContain('Marcos &#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(html).toContain('Acme &#38; &#34;Filhos&#34;');
    expect(html).toContain('Equipe &#60;b&#62;O&#39;Brien&#60;/b&#62;');
    expect(html).toContain('Bruno &#38; Cia');
    // The link's ampersands are escaped inside the attribute too.
    expect(html).toContain('href="https://app.fasto.test/dashboard?range=custom&#38;from=2026-11-23&#38;to=2026-11-29"');
  });

  it('writes pt-BR numbers, money, dates and changes, in tables with inline styles and no images', () => {
    const { subject, html, text } = digestEmail('m@x.test', content());
    expect(subject).toBe('Fasto: resumo semanal de 23/11 a 29/11/2026');
    expect(text).toContain('Atendimentos: 1.234 (+23%)');
    expect(text).toContain('Valor vendido: R$\u00a098.765,40 (-1%)');
    expect(text).toContain('Conversão: 4,5%');
    // Slower first responses are worse: shown in red.
    expect(text).toContain('1ª resposta (min): 12,3 (+2,3)');
    expect(html).toMatch(/color:#b91c1c">&#9650; \+2,3/);
    expect(html).toContain('23/11/2026 – 29/11/2026');
    expect(html).not.toMatch(/<img|<link|<style|class=/);
    expect(html).toMatch(/<table role="presentation" width="600"/);
  });

  it('speaks English to an English reader, and says so when nothing happened', () => {
    const quiet = content({
      locale: 'en',
      period: { kind: 'daily', from: '2026-11-29', to: '2026-11-29' },
      totals: totals({ attendances: 0, converted: 0, conversionRate: 0, avgScore: null, avgFirstResponseMin: null, saleValue: 0 }),
      previousTotals: totals({ attendances: 0, converted: 0, conversionRate: 0, avgScore: null, avgFirstResponseMin: null, saleValue: 0 }),
      topAgents: [],
      alerts: { lowScores: 0, slowResponses: 0, lowScoreThreshold: 50, slaMinutes: 60, agents: [] },
    });
    const { subject, text } = digestEmail('m@x.test', quiet);
    expect(subject).toBe('Fasto: daily digest for 11/29/2026');
    expect(text).toContain('Attendances: 0 (=)');
    expect(text).toContain('Sales value: R$0.00 (=)');
    expect(text).toContain('Average score: — (—)');
    expect(text).toContain('No attendances in this period.');
    expect(text).toContain('No alerts in this period.');
    expect(text).toContain('Open the dashboard: https://app.fasto.test/dashboard?range=custom&from=2026-11-23&to=2026-11-29');
  });

  it('shows each goal with its metric in words and its figures in the metric’s format, and leaves the section out without goals', () => {
    expect(digestEmail('m@x.test', content()).text).not.toContain('Metas');
    const goal = { id: 'g', scope: 'team', period: 'month', expectedByNow: 0.5, status: 'behind' } as const;
    const withGoals = content({
      goals: [
        { ...goal, name: 'Equipe <Alpha>', metric: 'sale_value', actual: 4000.5, target: 50000, done: 0.08 },
        { ...goal, scope: 'tenant', name: null, period: 'week', metric: 'conversions', actual: 40, target: 50, done: 0.8, status: 'on_track' },
      ],
    });
    const { text, html } = digestEmail('m@x.test', withGoals);
    expect(text).toContain('- Equipe <Alpha> · Valor vendido (mês): R$\u00a04.000,50 / R$\u00a050.000,00 (8,0%, atrasada)');
    expect(text).toContain('- Empresa · Vendas (semana): 40 / 50 (80,0%, no ritmo)');
    expect(html).toContain('Equipe &#60;Alpha&#62;');
  });
});
