import type { DashboardAgentRow, DashboardTotals, GoalMetric } from '@fasto/contracts';
import { escapeHtml } from '../../core/mail/escape-html';
import type { OutgoingMail } from '../../core/mail/mailer.service';
import type { DigestContent } from './digest-content';
import { digestFormat, type DigestFormat } from './digest-format';
import { DIGEST_MESSAGES, type DigestMessages } from './digest-messages';

/** A KPI row: its label, this period's value, and how it moved (better is green, whichever way that is). */
interface KpiLine {
  label: string;
  value: string;
  change: string;
  tone: 'better' | 'worse' | 'same';
}

const COLORS = { ink: '#18181b', muted: '#71717a', line: '#e4e4e7', page: '#f4f4f5', brand: '#0a0a0a', gold: '#e6b94a', better: '#15803d', worse: '#b91c1c' };
const FONT = 'font-family:Arial,Helvetica,sans-serif';

function kpiLines(current: DashboardTotals, previous: DashboardTotals, words: DigestMessages, format: DigestFormat): KpiLine[] {
  const relative = (now: number, before: number, higherIsBetter = true): Pick<KpiLine, 'change' | 'tone'> => {
    if (before === 0) return { change: now === 0 ? '=' : '—', tone: 'same' };
    const ratio = now / before - 1;
    return { change: ratio === 0 ? '=' : format.signedPercent(ratio), tone: toneOf(ratio, higherIsBetter) };
  };
  const absolute = (now: number | null, before: number | null, higherIsBetter: boolean, scale = 1, unit = ''): Pick<KpiLine, 'change' | 'tone'> => {
    if (now === null || before === null) return { change: '—', tone: 'same' };
    const difference = Math.round((now - before) * scale * 10) / 10;
    return { change: difference === 0 ? '=' : `${format.signedDecimal(difference)}${unit}`, tone: toneOf(difference, higherIsBetter) };
  };
  return [
    { label: words.attendances, value: format.integer(current.attendances), ...relative(current.attendances, previous.attendances) },
    { label: words.converted, value: format.integer(current.converted), ...relative(current.converted, previous.converted) },
    {
      label: words.conversionRate,
      value: format.percent(current.conversionRate),
      ...absolute(current.conversionRate, previous.conversionRate, true, 100, ' p.p.'),
    },
    { label: words.saleValue, value: format.money(current.saleValue), ...relative(current.saleValue, previous.saleValue) },
    { label: words.avgScore, value: format.decimal(current.avgScore), ...absolute(current.avgScore, previous.avgScore, true) },
    {
      label: words.avgFirstResponseMin,
      value: format.decimal(current.avgFirstResponseMin),
      ...absolute(current.avgFirstResponseMin, previous.avgFirstResponseMin, false),
    },
  ];
}

const toneOf = (change: number, higherIsBetter: boolean): KpiLine['tone'] => (change === 0 ? 'same' : change > 0 === higherIsBetter ? 'better' : 'worse');

/** The digest as an e-mail: a table-laid, inline-styled HTML part (Gmail and Outlook ignore style sheets) and a text part. */
export function digestEmail(to: string, content: DigestContent): OutgoingMail {
  const words = DIGEST_MESSAGES[content.locale];
  const format = digestFormat(content.locale);
  const { period } = content;
  const daily = period.kind === 'daily';
  const subject = daily ? words.subjectDaily(format.day(period.from)) : words.subjectWeekly(format.dayOfMonth(period.from), format.day(period.to));
  const title = daily ? words.titleDaily : words.titleWeekly;
  const range = daily ? format.day(period.from) : `${format.day(period.from)} – ${format.day(period.to)}`;
  const scope = content.teamName ? words.scopeTeam(content.teamName, content.organization) : words.scopeAll(content.organization);
  const kpis = kpiLines(content.totals, content.previousTotals, words, format);
  const agentName = (row: { name: string | null }) => row.name ?? words.unnamedAgent;
  const agentLine = (row: DashboardAgentRow) => words.agentSales(format.integer(row.converted), format.integer(row.attendances));
  const goalValue = (metric: GoalMetric, value: number) =>
    metric === 'sale_value'
      ? format.money(value)
      : metric === 'conversion_rate'
        ? format.percent(value)
        : metric === 'avg_score'
          ? format.decimal(value)
          : format.integer(value);
  const goalLine = ({ name, metric, period, actual, target, done, status }: DigestContent['goals'][number]) =>
    `${name ?? words.organizationGoal} · ${words.goalMetric[metric]} (${words.goalPeriod[period]}): ${goalValue(metric, actual)} / ${goalValue(metric, target)} (${format.percent(done)}, ${words.goalStatus[status]})`;
  const alertLines = [
    `${words.lowScores(content.alerts.lowScoreThreshold)}: ${format.integer(content.alerts.lowScores)}`,
    `${words.slowResponses(content.alerts.slaMinutes)}: ${format.integer(content.alerts.slowResponses)}`,
  ];
  const hasAlerts = content.alerts.lowScores + content.alerts.slowResponses > 0;
  const alertAgents = content.alerts.agents.map((agent): [string, string] => [
    agentName(agent),
    words.agentAlerts(format.integer(agent.lowScores), format.integer(agent.slowResponses)),
  ]);

  const text = [
    `${title} — ${range}`,
    scope,
    '',
    words.greeting(content.recipientName),
    '',
    `${words.kpis} (${words.vsPrevious})`,
    ...kpis.map((kpi) => `- ${kpi.label}: ${kpi.value} (${kpi.change})`),
    ...(content.goals.length ? ['', words.goals, ...content.goals.map((goal) => `- ${goalLine(goal)}`)] : []),
    '',
    words.topAgents,
    ...(content.topAgents.length ? content.topAgents.map((row, index) => `${index + 1}. ${agentName(row)} — ${agentLine(row)}`) : [words.noAgents]),
    ...(content.bottomAgents.length ? ['', words.bottomAgents, ...content.bottomAgents.map((row) => `- ${agentName(row)} — ${agentLine(row)}`)] : []),
    '',
    words.alerts,
    ...(hasAlerts ? [...alertLines.map((line) => `- ${line}`), ...alertAgents.map(([name, detail]) => `  ${name}: ${detail}`)] : [words.noAlerts]),
    '',
    `${words.openDashboard}: ${content.dashboardUrl}`,
    '',
    words.footer,
    '',
  ].join('\n');

  const html = page(subject, [
    header(title, range, scope),
    paragraph(words.greeting(content.recipientName)),
    section(`${words.kpis} <span style="color:${COLORS.muted};font-weight:normal">(${escapeHtml(words.vsPrevious)})</span>`, kpiTable(kpis)),
    content.goals.length ? section(escapeHtml(words.goals), list(content.goals.map(goalLine))) : '',
    section(
      escapeHtml(words.topAgents),
      content.topAgents.length
        ? agentTable(content.topAgents.map((row, index) => [`${index + 1}. ${agentName(row)}`, agentLine(row)]))
        : paragraph(words.noAgents),
    ),
    content.bottomAgents.length ? section(escapeHtml(words.bottomAgents), agentTable(content.bottomAgents.map((row) => [agentName(row), agentLine(row)]))) : '',
    section(escapeHtml(words.alerts), hasAlerts ? list(alertLines) + (alertAgents.length ? `\n${agentTable(alertAgents)}` : '') : paragraph(words.noAlerts)),
    button(words.openDashboard, content.dashboardUrl),
    `<tr><td style="padding:16px 24px 24px;${FONT};font-size:12px;line-height:18px;color:${COLORS.muted}">${escapeHtml(words.footer)}</td></tr>`,
  ]);
  return { to, subject, text, html };
}

function page(title: string, rows: string[]): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:0;background:${COLORS.page}">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="${COLORS.page}" style="background:${COLORS.page}"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" bgcolor="#ffffff" style="width:600px;max-width:100%;background:#ffffff;border:1px solid ${COLORS.line}">
${rows.filter(Boolean).join('\n')}
</table>
</td></tr></table>
</body></html>`;
}

const header = (title: string, range: string, scope: string) =>
  `<tr><td bgcolor="${COLORS.brand}" style="background:${COLORS.brand};padding:20px 24px;${FONT}">
<div style="font-size:13px;font-weight:bold;letter-spacing:2px;color:${COLORS.gold}">FASTO</div>
<div style="font-size:22px;line-height:28px;font-weight:bold;color:#ffffff;padding-top:6px">${escapeHtml(title)}</div>
<div style="font-size:14px;line-height:20px;color:#d4d4d8">${escapeHtml(range)} · ${escapeHtml(scope)}</div>
</td></tr>`;

const paragraph = (text: string) =>
  `<tr><td style="padding:16px 24px 0;${FONT};font-size:15px;line-height:22px;color:${COLORS.ink}">${escapeHtml(text)}</td></tr>`;

/** `title` is HTML the caller escaped. */
const section = (title: string, body: string) =>
  `<tr><td style="padding:20px 24px 4px;${FONT};font-size:16px;font-weight:bold;color:${COLORS.ink};border-bottom:1px solid ${COLORS.line}">${title}</td></tr>\n${body}`;

function kpiTable(kpis: KpiLine[]): string {
  const cells = kpis.map((kpi) => {
    const color = kpi.tone === 'better' ? COLORS.better : kpi.tone === 'worse' ? COLORS.worse : COLORS.muted;
    const arrow = kpi.tone === 'same' ? '' : kpi.change.startsWith('-') || kpi.change.startsWith('−') ? '&#9660; ' : '&#9650; ';
    return `<td width="33%" valign="top" style="padding:10px 8px;${FONT}">
<div style="font-size:12px;color:${COLORS.muted}">${escapeHtml(kpi.label)}</div>
<div style="font-size:20px;line-height:26px;font-weight:bold;color:${COLORS.ink}">${escapeHtml(kpi.value)}</div>
<div style="font-size:12px;color:${color}">${arrow}${escapeHtml(kpi.change)}</div></td>`;
  });
  const rows = [cells.slice(0, 3), cells.slice(3)].map((row) => `<tr>${row.join('')}</tr>`).join('');
  return `<tr><td style="padding:4px 16px 0"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">${rows}</table></td></tr>`;
}

function agentTable(rows: [string, string][]): string {
  const lines = rows
    .map(
      ([name, detail]) =>
        `<tr><td style="padding:8px 0;${FONT};font-size:14px;color:${COLORS.ink};border-bottom:1px solid ${COLORS.line}">${escapeHtml(name)}</td>` +
        `<td align="right" style="padding:8px 0;${FONT};font-size:13px;color:${COLORS.muted};border-bottom:1px solid ${COLORS.line}">${escapeHtml(detail)}</td></tr>`,
    )
    .join('');
  return `<tr><td style="padding:4px 24px 0"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">${lines}</table></td></tr>`;
}

const list = (lines: string[]) =>
  `<tr><td style="padding:8px 24px 0;${FONT};font-size:14px;line-height:22px;color:${COLORS.ink}">${lines.map((line) => escapeHtml(line)).join('<br>')}</td></tr>`;

/** A bulletproof button: a padded, coloured table cell around the link (Outlook ignores padding on links). */
const button = (label: string, url: string) =>
  `<tr><td style="padding:24px 24px 8px"><table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr>
<td bgcolor="${COLORS.gold}" style="background:${COLORS.gold};border-radius:6px;padding:12px 20px;${FONT}"><a href="${escapeHtml(url)}" style="color:${COLORS.brand};font-size:15px;font-weight:bold;text-decoration:none">${escapeHtml(label)}</a></td>
</tr></table>
<div style="padding-top:8px;${FONT};font-size:12px;color:${COLORS.muted};word-break:break-all">${escapeHtml(url)}</div></td></tr>`;
