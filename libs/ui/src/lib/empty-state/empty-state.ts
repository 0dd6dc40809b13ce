import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { UI_TEXT } from '../ui-text/ui-text';

/**
 * The centred muted message a list or a card shows when it has nothing, or when it could not load
 * (`alert`, optionally with a retry button). Put `class="card"` on it to stand alone on a page.
 */
@Component({
  selector: 'ui-empty-state',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'block' },
  template: `
    <div class="p-10 text-center text-muted" [attr.role]="alert() ? 'alert' : null" [attr.data-testid]="testId()">
      <p>{{ message() }}</p>
      @if (retryable()) {
        <button type="button" class="btn-outline mt-3" (click)="retried.emit()">{{ text.retry() }}</button>
      }
      <ng-content />
    </div>
  `,
})
export class EmptyState {
  protected readonly text = inject(UI_TEXT);
  readonly message = input.required<string>();
  /** An error rather than an empty result: screen readers announce it. */
  readonly alert = input(false);
  /** Offers "try again"; the page loads again on `retried`. */
  readonly retryable = input(false);
  readonly retried = output<void>();
  readonly testId = input<string | null>(null);
}
