import { Directive, TemplateRef, inject, input } from '@angular/core';

export interface RowContext<T> {
  $implicit: T;
}

/**
 * The content of one column's cells: `<ng-template uiCell="date" [uiCellOf]="rows" let-row>`.
 * `uiCellOf` only types `row` in the page's template.
 */
@Directive({ selector: 'ng-template[uiCell]' })
export class DataCell<T> {
  /** The column's key. */
  readonly uiCell = input.required<string>();
  readonly uiCellOf = input<readonly T[]>([]);
  readonly template = inject<TemplateRef<RowContext<T>>>(TemplateRef);

  static ngTemplateContextGuard<T>(_directive: DataCell<T>, _context: unknown): _context is RowContext<T> {
    return true;
  }
}

/** How one row reads as a card on a phone; without it the card lists every column with its label. */
@Directive({ selector: 'ng-template[uiRowCard]' })
export class DataRowCard<T> {
  readonly uiRowCardOf = input<readonly T[]>([]);
  readonly template = inject<TemplateRef<RowContext<T>>>(TemplateRef);

  static ngTemplateContextGuard<T>(_directive: DataRowCard<T>, _context: unknown): _context is RowContext<T> {
    return true;
  }
}
