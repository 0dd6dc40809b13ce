import { NotificationType, type SupportedLocale } from '@fasto/contracts';

/** What a notification's text is made from: kept with the row so it can be told in any language. */
export type NotificationData = Record<string, string | number | null>;

interface Text {
  title: string;
  body: string;
}

type Template = (data: NotificationData, locale: SupportedLocale) => Text;

const money = (value: NotificationData[string], locale: SupportedLocale) =>
  typeof value === 'number' ? new Intl.NumberFormat(locale, { style: 'currency', currency: 'BRL' }).format(value) : null;

const customer = (data: NotificationData, locale: SupportedLocale) => String(data['customer'] ?? (locale === 'en' ? 'Unnamed customer' : 'Cliente sem nome'));

const ROLE_NAMES: Record<SupportedLocale, Record<string, string>> = {
  'pt-BR': { admin: 'administrador', manager: 'gerente', agent: 'atendente' },
  en: { admin: 'admin', manager: 'manager', agent: 'agent' },
};

const GOAL_METRIC_NAMES: Record<SupportedLocale, Record<string, string>> = {
  'pt-BR': {
    attendances: 'Atendimentos',
    conversions: 'Conversões',
    sale_value: 'Valor vendido',
    conversion_rate: 'Taxa de conversão',
    avg_score: 'Nota média',
  },
  en: { attendances: 'Attendances', conversions: 'Conversions', sale_value: 'Sales value', conversion_rate: 'Conversion rate', avg_score: 'Average score' },
};
const GOAL_PERIOD_NAMES: Record<SupportedLocale, Record<string, string>> = { 'pt-BR': { week: 'semana', month: 'mês' }, en: { week: 'week', month: 'month' } };

/** One of a goal's figures as its metric reads: money, a percentage, or a plain number (a rate with nothing measured: "-"). */
function goalFigure(data: NotificationData, key: string, locale: SupportedLocale): string {
  const value = data[key];
  if (typeof value !== 'number') return '-';
  if (data['metric'] === 'sale_value') return money(value, locale) ?? '-';
  if (data['metric'] === 'conversion_rate') return `${Math.round(value * 1000) / 10}%`;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}

/** "Valor vendido (mês) — Equipe Alpha: R$ 850,00 de R$ 31.000,00": the goal's metric and period, whose it is, and the figures. */
function goalLine(data: NotificationData, locale: SupportedLocale): string {
  const metric = GOAL_METRIC_NAMES[locale][String(data['metric'])] ?? String(data['metric']);
  const period = GOAL_PERIOD_NAMES[locale][String(data['period'])] ?? String(data['period']);
  const whose = data['subject'] ? ` — ${data['subject']}` : '';
  return `${metric} (${period})${whose}: ${goalFigure(data, 'actual', locale)} ${locale === 'en' ? 'of' : 'de'} ${goalFigure(data, 'target', locale)}`;
}

const TEMPLATES: Record<NotificationType, Template> = {
  [NotificationType.TenantCreated]: (data, locale) =>
    locale === 'en'
      ? { title: 'New organization', body: `${data['tenant']} was created and starts its trial.` }
      : { title: 'Nova organização', body: `${data['tenant']} foi criada e começa o período de teste.` },
  [NotificationType.UserCreated]: (data, locale) => {
    const role = ROLE_NAMES[locale][String(data['role'])] ?? String(data['role']);
    return locale === 'en'
      ? { title: 'New member', body: `${data['name']} (${data['email']}) joined ${data['tenant']} as ${role}.` }
      : { title: 'Novo membro', body: `${data['name']} (${data['email']}) entrou em ${data['tenant']} como ${role}.` };
  },
  [NotificationType.TeamChanged]: (data, locale) => {
    if (locale === 'en')
      return { title: 'Your team changed', body: data['team'] ? `You are now in the team ${data['team']}.` : 'You are no longer in a team.' };
    return { title: 'Sua equipe mudou', body: data['team'] ? `Agora você faz parte da equipe ${data['team']}.` : 'Você não faz mais parte de uma equipe.' };
  },
  [NotificationType.SaleClosed]: (data, locale) => {
    const value = money(data['value'], locale);
    return locale === 'en'
      ? { title: 'Sale closed', body: `${customer(data, locale)}${value ? ` — ${value}` : ''}` }
      : { title: 'Venda Fechada', body: `${customer(data, locale)}${value ? ` — ${value}` : ''}` };
  },
  [NotificationType.LowScore]: (data, locale) =>
    locale === 'en'
      ? { title: 'Low-scored attendance', body: `${customer(data, locale)}: score ${data['score']} (threshold ${data['threshold']}).` }
      : { title: 'Atendimento com nota baixa', body: `${customer(data, locale)}: nota ${data['score']} (limite ${data['threshold']}).` },
  [NotificationType.SlowFirstResponse]: (data, locale) =>
    locale === 'en'
      ? { title: 'Slow first response', body: `${customer(data, locale)}: first response after ${data['minutes']} min (SLA ${data['sla']} min).` }
      : { title: 'Primeira resposta lenta', body: `${customer(data, locale)}: primeira resposta em ${data['minutes']} min (SLA de ${data['sla']} min).` },
  [NotificationType.TrialEnding]: (data, locale) => {
    const day = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: '2-digit', timeZone: 'UTC' }).format(
      new Date(String(data['trialEndsAt'])),
    );
    return locale === 'en'
      ? { title: 'Trial ending soon', body: `The trial of ${data['tenant']} ends on ${day}.` }
      : { title: 'Período de teste acabando', body: `O período de teste de ${data['tenant']} termina em ${day}.` };
  },
  [NotificationType.TrialExpired]: (data, locale) =>
    locale === 'en'
      ? { title: 'Trial ended', body: `The trial of ${data['tenant']} ended and the organization was suspended.` }
      : { title: 'Período de teste encerrado', body: `O período de teste de ${data['tenant']} terminou e a organização foi suspensa.` },
  [NotificationType.WebhookDisabled]: (data, locale) =>
    locale === 'en'
      ? { title: 'Webhook disabled', body: `${data['url']} failed ${data['failures']} times in a row and was disabled.` }
      : { title: 'Webhook desativado', body: `${data['url']} falhou ${data['failures']} vezes seguidas e foi desativado.` },
  [NotificationType.GoalReached]: (data, locale) =>
    locale === 'en' ? { title: 'Goal reached', body: `${goalLine(data, locale)}.` } : { title: 'Meta batida', body: `${goalLine(data, locale)}.` },
  [NotificationType.GoalBehindPace]: (data, locale) =>
    locale === 'en'
      ? { title: 'Goal behind pace', body: `${goalLine(data, locale)} at mid-period (expected ${goalFigure(data, 'expected', locale)}).` }
      : { title: 'Meta abaixo do ritmo', body: `${goalLine(data, locale)} na metade do período (esperado ${goalFigure(data, 'expected', locale)}).` },
};

export const isSupportedLocale = (value: unknown): value is SupportedLocale => value === 'pt-BR' || value === 'en';

/** The title and body of a notification in one language (Portuguese unless the reader chose English). */
export function notificationText(type: NotificationType, data: NotificationData, locale: SupportedLocale = 'pt-BR'): Text {
  return TEMPLATES[type](data, locale);
}

/** The same, for a stored row whose type this version may not know (then null: keep the stored text). */
export function retoldText(type: string, data: NotificationData, locale: SupportedLocale): Text | null {
  const template = (TEMPLATES as Record<string, Template | undefined>)[type];
  return template ? template(data, locale) : null;
}
