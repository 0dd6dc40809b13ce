import { formatCurrency, formatDate, formatNumber, formatPercent, registerLocaleData } from '@angular/common';
import localePt from '@angular/common/locales/pt';
import { OTHERS_COLOR } from '@fasto/contracts';
import { PALETTE_HEX } from './palette-hex';

/** Dates and numbers are always Brazilian (SPEC §5), whatever language the UI text is in. */
export const FORMAT_LOCALE = 'pt-BR';
registerLocaleData(localePt, FORMAT_LOCALE);

export type DateInput = string | number | Date;

/** `YYYY-MM-DD` days from the API are calendar days: read them as local dates, not UTC midnights. */
export const toDate = (value: DateInput): Date =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`) : new Date(value);

export const formatDay = (value: DateInput): string => formatDate(toDate(value), 'dd/MM/yy', FORMAT_LOCALE);
export const formatDayMonth = (value: DateInput): string => formatDate(toDate(value), 'dd/MM', FORMAT_LOCALE);
export const formatDateTime = (value: DateInput | null): string => (value === null ? '—' : formatDate(toDate(value), 'dd/MM/yy HH:mm', FORMAT_LOCALE));
export const formatInteger = (value: number): string => formatNumber(value, FORMAT_LOCALE, '1.0-0');
export const formatDecimal = (value: number | null, digits = 1): string => (value === null ? '—' : formatNumber(value, FORMAT_LOCALE, `1.0-${digits}`));
export const formatBrl = (value: number | null): string => (value === null ? '—' : formatCurrency(value, FORMAT_LOCALE, 'R$', 'BRL', '1.2-2'));
/** `rate` is 0–1. */
export const formatRate = (rate: number): string => formatPercent(rate, FORMAT_LOCALE, '1.0-1');

/** "12 min", "2 h 05 min" for the first-response and handling times. */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return '—';
  if (minutes < 60) return `${formatDecimal(minutes, minutes < 10 ? 1 : 0)} min`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h ${String(Math.round(minutes % 60)).padStart(2, '0')} min`;
}

/** Relative change between two periods, or null when there is no base to compare with. */
export function changeRatio(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / Math.abs(previous);
}

/** A stage's/origin's Tailwind class as a hex color; unknown classes fall back to the "Outros" grey. */
export const paletteHex = (color: string | null | undefined): string => PALETTE_HEX[color ?? ''] ?? PALETTE_HEX[OTHERS_COLOR];
