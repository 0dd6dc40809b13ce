import { BreakpointObserver } from '@angular/cdk/layout';
import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, contentChild, contentChildren, inject, input, signal } from '@angular/core';
import { outputFromObservable, toSignal } from '@angular/core/rxjs-interop';
import { Subject, map } from 'rxjs';
import { EmptyState } from '../empty-state/empty-state';
import type { KeysetList } from '../keyset-list/keyset-list';
import { Skeleton } from '../skeleton/skeleton';
import { UI_TEXT } from '../ui-text/ui-text';
import { cellClass, nextSort, sortRows, type DataColumn, type Sort } from './data-column';
import { DataCell, DataRowCard } from './data-table-templates';

/** Below Tailwind's `sm`, rows read as cards. */
const PHONE = '(max-width: 639.98px)';

/**
 * A list screen's table: skeleton while loading, an error or an empty message, sortable headers that
 * stay in view while the page scrolls, a row click, cards on a phone and the "load more" button.
 */
@Component({
  selector: 'ui-data-table',
  imports: [NgTemplateOutlet, EmptyState, Skeleton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'block' },
  template: `
    <section class="card overflow-clip">
      @switch (state()) {
        @case ('loading') {
          <ui-skeleton shape="table" [count]="skeletonRows()" />
        }
        @case ('error') {
          <ui-empty-state [message]="texts().error" [alert]="true" [retryable]="retryable()" (retried)="list().reload()" [testId]="testId() + '-error'" />
        }
        @default {
          @if (rows().length === 0) {
            <ui-empty-state [message]="texts().empty" [testId]="testId() + '-empty'" />
          } @else if (phone()) {
            <ul class="divide-y divide-zinc-100 dark:divide-zinc-900" [attr.data-testid]="testId() + '-table'">
              @for (row of sorted(); track row.id) {
                <!-- The card's own buttons and links are the keyboard's way in; the card is a larger target. -->
                <li
                  class="px-4 py-3 data-selected:bg-gold-400/10"
                  tabindex="-1"
                  (keydown.enter)="clicked(row)"
                  [class]="rowClass()(row)"
                  [class.cursor-pointer]="clickable()"
                  [attr.data-selected]="isSelected(row) || null"
                  [attr.data-id]="row.id"
                  [attr.data-testid]="testId() + '-row'"
                  (click)="clicked(row)"
                >
                  @if (card(); as card) {
                    <ng-container *ngTemplateOutlet="card.template; context: { $implicit: row }" />
                  } @else {
                    <dl class="grid grid-cols-[auto_minmax(0,1fr)] items-baseline gap-x-3 gap-y-1 text-sm">
                      @for (column of columns(); track column.key) {
                        <dt class="text-xs tracking-wide text-muted uppercase">{{ column.label }}</dt>
                        <dd class="min-w-0">
                          <ng-container *ngTemplateOutlet="cell(column.key); context: { $implicit: row }" />
                        </dd>
                      }
                    </dl>
                  }
                </li>
              }
            </ul>
          } @else {
            <table class="w-full text-sm" [attr.data-testid]="testId() + '-table'">
              <thead>
                <tr class="border-b border-zinc-200 text-left text-xs tracking-wide text-muted uppercase dark:border-zinc-800">
                  @for (column of columns(); track column.key) {
                    <th
                      scope="col"
                      class="sticky top-16 z-10 bg-white px-4 py-3 font-medium dark:bg-zinc-950"
                      [class]="classOf(column)"
                      [attr.aria-sort]="sort()?.key === column.key ? sort()?.direction : null"
                    >
                      @if (column.sortValue) {
                        <button
                          type="button"
                          class="inline-flex items-center gap-1 uppercase hover:text-zinc-900 dark:hover:text-zinc-100"
                          (click)="sortBy(column.key)"
                        >
                          {{ column.label }}
                          <span aria-hidden="true" class="w-2">{{ arrow(column.key) }}</span>
                        </button>
                      } @else {
                        <span [class.sr-only]="column.labelHidden">{{ column.label }}</span>
                      }
                    </th>
                  }
                </tr>
              </thead>
              <tbody>
                @for (row of sorted(); track row.id) {
                  <tr
                    class="border-b border-zinc-100 last:border-0 hover:bg-zinc-50 data-selected:bg-gold-400/10 dark:border-zinc-900 dark:hover:bg-zinc-900/60"
                    [class]="rowClass()(row)"
                    [class.cursor-pointer]="clickable()"
                    [attr.data-selected]="isSelected(row) || null"
                    [attr.data-id]="row.id"
                    [attr.data-testid]="testId() + '-row'"
                    (click)="clicked(row)"
                  >
                    @for (column of columns(); track column.key) {
                      <td class="px-4 py-3" [class]="classOf(column)">
                        <ng-container *ngTemplateOutlet="cell(column.key); context: { $implicit: row }" />
                      </td>
                    }
                  </tr>
                }
              </tbody>
            </table>
          }
          @if (hasMore() && rows().length > 0) {
            <div class="border-t border-zinc-100 p-3 text-center dark:border-zinc-900">
              <button type="button" class="btn-outline" (click)="list().loadMore()" [disabled]="state() === 'more'" data-testid="load-more">
                {{ state() === 'more' ? text.loading() : text.loadMore() }}
              </button>
            </div>
          }
        }
      }
    </section>
  `,
})
export class DataTable<T extends { id: string }> {
  protected readonly text = inject(UI_TEXT);
  /** The rows, their state and "load more" come from the page's keyset list. */
  readonly list = input.required<KeysetList<T>>();
  readonly columns = input.required<readonly DataColumn<T>[]>();
  /** What one row is: `attendance` gives `attendance-row`, `attendance-table`, `attendance-empty`…, which the e2e specs find. */
  readonly testId = input.required<string>();
  /** What the list says when it has no rows and when it failed. */
  readonly texts = input.required<{ empty: string; error: string }>();
  readonly retryable = input(false);
  /** The row open beside the list (a detail panel, a dialog), marked as selected. */
  readonly openId = input<string | null | undefined>(null);
  readonly rowClass = input<(row: T) => string>(() => '');
  readonly skeletonRows = input(5);

  private readonly clicks = new Subject<T>();
  /** Rows open something only where the page listens: then they show a pointer and a click or Enter sends the row. */
  readonly rowClick = outputFromObservable(this.clicks);

  protected readonly rows = computed(() => this.list().items());
  protected readonly state = computed(() => this.list().state());
  protected readonly hasMore = computed(() => this.list().hasMore());

  private readonly cells = contentChildren<DataCell<T>>(DataCell);
  protected readonly card = contentChild<DataRowCard<T>>(DataRowCard);
  protected readonly phone = toSignal(
    inject(BreakpointObserver)
      .observe(PHONE)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly sort = signal<Sort | null>(null);
  protected readonly sorted = computed(() => sortRows(this.rows(), this.columns(), this.sort()));
  protected readonly classOf = cellClass;

  protected cell(key: string) {
    return this.cells().find((cell) => cell.uiCell() === key)?.template ?? null;
  }

  /** A page's `(rowClick)` listens from the table's creation, before its first render, to its end. */
  protected clickable(): boolean {
    return this.clicks.observed;
  }

  protected isSelected(row: T): boolean {
    return row.id === this.openId();
  }

  protected clicked(row: T): void {
    this.clicks.next(row);
  }

  protected sortBy(key: string): void {
    this.sort.update((current) => nextSort(current, key));
  }

  protected arrow(key: string): string {
    const sort = this.sort();
    return sort?.key !== key ? '' : sort.direction === 'ascending' ? '↑' : '↓';
  }
}
