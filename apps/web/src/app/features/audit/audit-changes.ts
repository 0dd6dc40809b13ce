export interface ChangeLine {
  field: string;
  /** Present when the entry recorded a before value (`{ from, to }`). */
  from?: string;
  to: string;
}

const show = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
};

const isDiff = (value: unknown): value is { from: unknown; to: unknown } =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && 'from' in value && 'to' in value && Object.keys(value).length === 2;

/** An audit entry's `changes` as "field: old → new" lines (plain values when nothing was before). */
export function changeLines(changes: Record<string, unknown> | null): ChangeLine[] {
  return Object.entries(changes ?? {}).map(([field, value]) =>
    isDiff(value) ? { field, from: show(value.from), to: show(value.to) } : { field, to: show(value) },
  );
}
