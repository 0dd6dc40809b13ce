import { AttendanceChannel, type AttendanceListItem, type SupportedLocale } from '@fasto/contracts';

/** The words of an export, in the language the person asked for (the web app sends its own). */
interface ExportText {
  headers: string[];
  /** A missing stage or origin (deleted, or never set): the dashboards' "others" bucket. */
  others: string;
  yes: string;
  no: string;
  otherChannel: string;
  sheet: string;
  fileStem: string;
}

const TEXT: Record<SupportedLocale, ExportText> = {
  'pt-BR': {
    headers: [
      'Data',
      'Atendente',
      'Equipe',
      'Cliente',
      'Telefone',
      'Canal',
      'Título',
      'Etapa',
      'Origem',
      'Nota',
      '1ª resposta (min)',
      'Duração (min)',
      'Venda fechada',
      'Valor da venda',
      'Resumo',
      'ID externo',
    ],
    others: 'Outros',
    yes: 'Sim',
    no: 'Não',
    otherChannel: 'Outro',
    sheet: 'Atendimentos',
    fileStem: 'atendimentos',
  },
  en: {
    headers: [
      'Date',
      'Agent',
      'Team',
      'Customer',
      'Phone',
      'Channel',
      'Title',
      'Stage',
      'Origin',
      'Score',
      'First response (min)',
      'Duration (min)',
      'Sale closed',
      'Sale value',
      'Summary',
      'External ID',
    ],
    others: 'Others',
    yes: 'Yes',
    no: 'No',
    otherChannel: 'Other',
    sheet: 'Attendances',
    fileStem: 'attendances',
  },
};

export const exportText = (language: SupportedLocale): ExportText => TEXT[language];

export type ExportCell = string | number | Date | null;

/** Channels as people write them ("WhatsApp", not the stored `whatsapp`). */
const channelName = (channel: AttendanceChannel, text: ExportText): string =>
  channel === AttendanceChannel.WhatsApp ? 'WhatsApp' : channel === AttendanceChannel.Instagram ? 'Instagram' : text.otherChannel;

/** One attendance as a row of cells; `date` renders the local date/time cell. */
export function exportCells(
  item: AttendanceListItem,
  date: (iso: string) => ExportCell,
  number: (value: number | null) => ExportCell,
  text: ExportText,
): ExportCell[] {
  return [
    date(item.attendedAt),
    item.agent?.name ?? '',
    item.team?.name ?? '',
    item.customerName ?? '',
    item.customerPhone ?? '',
    channelName(item.channel, text),
    item.title ?? '',
    item.stage?.name ?? text.others,
    item.origin?.name ?? text.others,
    item.score,
    number(item.firstResponseTimeMin),
    number(item.handlingTimeMin),
    item.converted ? text.yes : text.no,
    number(item.saleValue),
    item.summary ?? '',
    item.externalId,
  ];
}

/** Wall-clock parts of an instant in a time zone. */
export function localParts(instant: Date, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return {
    year: Number(parts['year']),
    month: Number(parts['month']),
    day: Number(parts['day']),
    hour: Number(parts['hour']),
    minute: Number(parts['minute']),
  };
}

const pad = (value: number) => String(value).padStart(2, '0');

/** `DD/MM/YY HH:mm` in the tenant's time zone (pt-BR, 24 h). */
export function brazilianDateTime(iso: string, timeZone: string): string {
  const { year, month, day, hour, minute } = localParts(new Date(iso), timeZone);
  return `${pad(day)}/${pad(month)}/${pad(year % 100)} ${pad(hour)}:${pad(minute)}`;
}

/** `YYYY-MM-DD HH:mm` in the tenant's time zone (English exports: no day/month ambiguity). */
export function isoDateTime(iso: string, timeZone: string): string {
  const { year, month, day, hour, minute } = localParts(new Date(iso), timeZone);
  return `${year}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)}`;
}
