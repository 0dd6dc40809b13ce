import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** The centred muted message a list or a card shows when it has nothing (or failed: `alert`). */
@Component({
  selector: 'ui-empty-state',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'block' },
  template: `
    <div class="p-10 text-center text-muted" [attr.role]="alert() ? 'alert' : null" [attr.data-testid]="testId()">
      <p>{{ message() }}</p>
      <ng-content />
    </div>
  `,
})
export class EmptyState {
  readonly message = input.required<string>();
  /** An error rather than an empty result: screen readers announce it. */
  readonly alert = input(false);
  readonly testId = input<string | null>(null);
}
