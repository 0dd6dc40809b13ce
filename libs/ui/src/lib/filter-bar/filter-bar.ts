import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { QueryPatch } from '../keyset-list/url-filters';
import { DateRange } from './date-range';
import { SearchField } from './search-field';
import { SelectFilter, type SelectField } from './select-filter';

/** One field of a filter bar, as data: the page lists its filters, the bar draws them. */
export type FilterField =
  | { kind: 'search'; key: string; id: string; label: string }
  | ({ kind: 'select'; key: string; wide?: boolean } & SelectField)
  | { kind: 'dateRange'; id: string };

/**
 * The card that holds a list's filters. Fields given as data come first; anything projected (a
 * "clear filters" button) follows them. Every change comes out as one query patch (`from`/`to` for
 * the date range, the field's key otherwise).
 */
@Component({
  selector: 'ui-filter-bar',
  imports: [SearchField, SelectFilter, DateRange],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'block' },
  template: `
    <section class="card flex flex-wrap items-end gap-3 p-4" [attr.data-testid]="testId()">
      @for (field of fields(); track field.id) {
        @switch (field.kind) {
          @case ('search') {
            <ui-search-field [inputId]="field.id" [label]="field.label" [value]="text(field.key)" (searched)="emit(field.key, $event)" />
          }
          @case ('select') {
            <ui-select-filter [class]="field.wide ? 'min-w-48 flex-1' : ''" [field]="field" [value]="text(field.key)" (changed)="emit(field.key, $event)" />
          }
          @case ('dateRange') {
            <ui-date-range [idPrefix]="field.id" [from]="text('from')" [to]="text('to')" (changed)="changed.emit($event)" />
          }
        }
      }
      <ng-content />
    </section>
  `,
})
export class FilterBar {
  readonly fields = input<readonly FilterField[]>([]);
  /** The page's filters object (an interface, so no index signature); a select shows `true` as "true". */
  readonly values = input<object>({});
  readonly testId = input<string | null>(null);
  readonly changed = output<QueryPatch>();

  protected emit(key: string, value: string): void {
    this.changed.emit({ [key]: value });
  }

  protected text(key: string): string {
    const value: unknown = (this.values() as Record<string, unknown>)[key];
    return value === null || value === undefined ? '' : String(value);
  }
}
