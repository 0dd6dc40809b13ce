import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { UI_TEXT } from '../ui-text/ui-text';

/**
 * The last row of a form outside a `ui-form-dialog` (a drawer, a plain dialog): anything projected on the left, then Cancel and the
 * submit button. A `ui-form-dialog` draws its own row.
 */
@Component({
  selector: 'ui-form-actions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'flex flex-wrap items-center justify-between gap-2' },
  template: `
    <div><ng-content /></div>
    <div class="flex gap-2">
      <button type="button" class="btn-ghost" (click)="cancelled.emit()">{{ text.cancel() }}</button>
      <button type="submit" class="btn-primary" [disabled]="disabled()" [attr.data-testid]="submitTestId()">{{ submitLabel() }}</button>
    </div>
  `,
})
export class FormActions {
  protected readonly text = inject(UI_TEXT);
  readonly submitLabel = input.required<string>();
  readonly submitTestId = input<string | null>(null);
  /** While the form cannot be sent yet. */
  readonly disabled = input(false);
  readonly cancelled = output<void>();
}
