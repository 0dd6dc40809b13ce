import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, contentChild, Directive, inject, input, output, TemplateRef } from '@angular/core';
import type { RowContext } from '../data-table/data-table-templates';
import { EmptyState } from '../empty-state/empty-state';
import { LoadState } from '../load-state/load-state';

/** What one card of a ui-card-list shows: `<ng-template uiCard [uiCardOf]="items()" let-item>`; `uiCardOf` only types `item`. */
@Directive({ selector: 'ng-template[uiCard]' })
export class CardTemplate<T> {
  readonly uiCardOf = input<readonly T[] | null>(null);
  readonly template = inject<TemplateRef<RowContext<T>>>(TemplateRef);

  static ngTemplateContextGuard<T>(_directive: CardTemplate<T>, _context: unknown): _context is RowContext<T> {
    return true;
  }
}

/** The words of a card list: when it has nothing, and when it could not load. */
export interface CardListTexts {
  empty: string;
  error: string;
}

/**
 * A short list shown whole, one card per item (webhooks, TV links): the skeleton until it loads, the empty line, or
 * the cards; a failed reload (after a save or a removal) replaces the list it may have left stale, with a retry. Its
 * `testId` names one card (`webhook` → `webhook-row` with `data-id`, `webhook-empty`).
 */
@Component({
  selector: 'ui-card-list',
  imports: [NgTemplateOutlet, EmptyState, LoadState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'block' },
  template: `
    @if (!failed() && items(); as list) {
      @if (list.length === 0) {
        <ui-empty-state class="card" [message]="texts().empty" [testId]="testId() + '-empty'" />
      } @else {
        <ul class="space-y-3">
          @for (item of list; track item.id) {
            <li class="card p-4" [attr.data-testid]="testId() + '-row'" [attr.data-id]="item.id">
              <ng-container *ngTemplateOutlet="card().template; context: { $implicit: item }" />
            </li>
          }
        </ul>
      }
    } @else {
      <ui-load-state [failed]="failed()" [error]="texts().error" shape="items" [count]="skeletonCount()" [retryable]="true" (retried)="retried.emit()" />
    }
  `,
})
export class CardList<T extends { id: string }> {
  /** Null until the first answer. */
  readonly items = input.required<readonly T[] | null>();
  /** The last load failed: the page loads again on `retried`. */
  readonly failed = input.required<boolean>();
  readonly texts = input.required<CardListTexts>();
  readonly testId = input.required<string>();
  readonly skeletonCount = input<number | null>(null);
  readonly retried = output<void>();
  protected readonly card = contentChild.required<CardTemplate<T>>(CardTemplate);
}
