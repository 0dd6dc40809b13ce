import type { SupportedLocale } from '@fasto/contracts';
import type { Day } from '../../core/time/tenant-days';

/** Numbers, money, rates and days as the reader's language writes them (pt-BR: 1.234,5 · R$ 1.234,50 · 01/12/2026). */
export function digestFormat(locale: SupportedLocale) {
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'BRL' });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const signedPercent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' });
  const signedDecimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  // A Day is a calendar date already in the tenant's zone: format it as such, at UTC.
  const day = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
  const dayOfMonth = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', timeZone: 'UTC' });
  const asDate = (value: Day) => new Date(`${value}T00:00:00Z`);
  return {
    integer: (value: number) => integer.format(value),
    decimal: (value: number | null) => (value === null ? '—' : decimal.format(value)),
    money: (value: number) => money.format(value),
    percent: (value: number) => percent.format(value),
    signedPercent: (value: number) => signedPercent.format(value),
    signedDecimal: (value: number) => signedDecimal.format(value),
    day: (value: Day) => day.format(asDate(value)),
    dayOfMonth: (value: Day) => dayOfMonth.format(asDate(value)),
  };
}

export type DigestFormat = ReturnType<typeof digestFormat>;
