import { AttendanceChannel, type AttendanceListItem } from '@fasto/contracts';

/** The exported columns, headed in Portuguese (the product's language). */
export const EXPORT_HEADERS = [
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
];

/** Channels as people write them ("WhatsApp", not the stored `whatsapp`). */
const CHANNEL_NAMES: Record<AttendanceChannel, string> = {
  [AttendanceChannel.WhatsApp]: 'WhatsApp',
  [AttendanceChannel.Instagram]: 'Instagram',
  [AttendanceChannel.Other]: 'Outro',
};

export type ExportCell = string | number | Date | null;

/** One attendance as a row of cells; `date` renders the local date/time cell. */
export function exportCells(item: AttendanceListItem, date: (iso: string) => ExportCell, number: (value: number | null) => ExportCell): ExportCell[] {
  return [
    date(item.attendedAt),
    item.agent?.name ?? '',
    item.team?.name ?? '',
    item.customerName ?? '',
    item.customerPhone ?? '',
    CHANNEL_NAMES[item.channel] ?? item.channel,
    item.title ?? '',
    item.stage?.name ?? 'Outros',
    item.origin?.name ?? 'Outros',
    item.score,
    number(item.firstResponseTimeMin),
    number(item.handlingTimeMin),
    item.converted ? 'Sim' : 'Não',
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
