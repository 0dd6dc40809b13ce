/** Money typed into a text input, in the UI language's own separators (pt-BR `6.459,51`, en `6,459.51`). */
export type MoneyLanguage = 'pt-BR' | 'en';

const SEPARATORS: Record<MoneyLanguage, { group: string; decimal: string }> = {
  'pt-BR': { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/** The value as the input shows it: grouped thousands and two decimals; empty for no value. */
export function formatMoneyInput(value: number | null | undefined, language: MoneyLanguage): string {
  if (value === null || value === undefined) return '';
  return new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: true }).format(value);
}

/**
 * What the user typed as a number: `null` for an empty field, `NaN` for text that is not money in
 * this language. Group separators must fall every three digits, so `6459.51` typed in pt-BR is refused
 * rather than read as 645951 (the way the sale value of issue 19 was multiplied by 100).
 */
export function parseMoneyInput(text: string, language: MoneyLanguage): number | null {
  const { group, decimal } = SEPARATORS[language];
  const compact = text.replace(/[\s\u00a0]|R\$/g, '');
  if (compact === '') return null;
  const [whole, fraction, extra] = compact.split(decimal);
  if (extra !== undefined || (fraction !== undefined && !/^\d{1,2}$/.test(fraction))) return Number.NaN;
  const grouped = new RegExp(`^\\d{1,3}(\\${group}\\d{3})+$`);
  if (!/^\d+$/.test(whole) && !grouped.test(whole)) return Number.NaN;
  return Number(`${whole.split(group).join('')}.${fraction ?? '0'}`);
}
