export const RANGE_PRESETS = ['today', 'week', 'lastWeek', '7d', '30d', '90d', 'month', 'custom'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const DEFAULT_PRESET: RangePreset = '30d';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const isoDay = (date: Date): string =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

const daysAgo = (today: Date, days: number) => new Date(today.getFullYear(), today.getMonth(), today.getDate() - days);

/** Days since the week's Monday (weeks start on Monday in Brazil's business calendar). */
const sinceMonday = (today: Date) => (today.getDay() + 6) % 7;

export const isPreset = (value: unknown): value is RangePreset => typeof value === 'string' && (RANGE_PRESETS as readonly string[]).includes(value);

/** The `from`/`to` days (both included) a preset means today; `custom` keeps the given days when valid. */
export function rangeFor(preset: RangePreset, today: Date, custom: { from?: string | null; to?: string | null } = {}): { from: string; to: string } {
  switch (preset) {
    case 'today':
      return { from: isoDay(today), to: isoDay(today) };
    case 'week':
      return { from: isoDay(daysAgo(today, sinceMonday(today))), to: isoDay(today) };
    case 'lastWeek':
      return { from: isoDay(daysAgo(today, sinceMonday(today) + 7)), to: isoDay(daysAgo(today, sinceMonday(today) + 1)) };
    case '7d':
      return { from: isoDay(daysAgo(today, 6)), to: isoDay(today) };
    case '90d':
      return { from: isoDay(daysAgo(today, 89)), to: isoDay(today) };
    case 'month':
      return { from: isoDay(new Date(today.getFullYear(), today.getMonth(), 1)), to: isoDay(today) };
    case 'custom':
      if (custom.from && custom.to && DAY.test(custom.from) && DAY.test(custom.to) && custom.from <= custom.to) return { from: custom.from, to: custom.to };
      return rangeFor(DEFAULT_PRESET, today);
    default:
      return { from: isoDay(daysAgo(today, 29)), to: isoDay(today) };
  }
}
