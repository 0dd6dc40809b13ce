/** The width from which a column shows in the table (hidden on narrower screens). */
export type Breakpoint = 'sm' | 'md' | 'lg' | 'xl';

export interface DataColumn<T> {
  key: string;
  label: string;
  from?: Breakpoint;
  align?: 'end';
  /** A column of row buttons: its header is for screen readers, the buttons say enough to the eye. */
  labelHidden?: boolean;
  /** Extra classes for this column's cells (`whitespace-nowrap tabular-nums`, …). */
  cellClass?: string;
  /** Makes the column sortable: the header sorts the loaded rows by this value. */
  sortValue?: (row: T) => string | number | null;
}

export type SortDirection = 'ascending' | 'descending';

export interface Sort {
  key: string;
  direction: SortDirection;
}

/** Literal class names, so Tailwind sees them in the source. */
const VISIBLE_FROM: Record<Breakpoint, string> = {
  sm: 'hidden sm:table-cell',
  md: 'hidden md:table-cell',
  lg: 'hidden lg:table-cell',
  xl: 'hidden xl:table-cell',
};

export function cellClass<T>(column: DataColumn<T>): string {
  return [column.from ? VISIBLE_FROM[column.from] : '', column.align === 'end' ? 'text-right' : '', column.cellClass ?? ''].join(' ').trim();
}

/** Ascending, then descending, then back to the API's order. */
export function nextSort(current: Sort | null, key: string): Sort | null {
  if (current?.key !== key) return { key, direction: 'ascending' };
  return current.direction === 'ascending' ? { key, direction: 'descending' } : null;
}

/** A stable sort of the loaded rows; empty values go last in both directions. */
export function sortRows<T>(rows: readonly T[], columns: readonly DataColumn<T>[], sort: Sort | null): readonly T[] {
  const value = sort && columns.find((column) => column.key === sort.key)?.sortValue;
  if (!sort || !value) return rows;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, key: value(row) }))
    .sort((a, b) => {
      if (a.key === null || b.key === null) return a.key === b.key ? a.index - b.index : a.key === null ? 1 : -1;
      const order = typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key : String(a.key).localeCompare(String(b.key));
      return order === 0 ? a.index - b.index : sign * order;
    })
    .map((entry) => entry.row);
}
