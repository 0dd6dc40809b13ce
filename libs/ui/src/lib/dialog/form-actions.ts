import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { UI_TEXT } from '../ui-text/ui-text';
import { FormDialog } from './form-dialog';

/**
 * A form's last row: anything projected on the left (remove, deactivate), then Cancel and the submit button.
 * In a `ui-form-dialog`, Cancel closes the dialog; while the dialog is busy both buttons wait.
 */
@Component({
  selector: 'ui-form-actions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'flex flex-wrap items-center justify-between gap-2' },
  template: `
    <div><ng-content /></div>
    <div class="flex gap-2">
      <button type="button" class="btn-ghost" [disabled]="dialog?.busy()" (click)="cancel()">{{ cancelLabel() ?? text.cancel() }}</button>
      <button type="submit" class="btn-primary" [disabled]="waiting()" [attr.data-testid]="submitTestId()">{{ submitLabel() }}</button>
    </div>
  `,
})
export class FormActions {
  protected readonly text = inject(UI_TEXT);
  protected readonly dialog = inject(FormDialog, { optional: true });
  readonly submitLabel = input.required<string>();
  readonly submitTestId = input<string | null>(null);
  /** While the form cannot be sent yet (a dialog's busy state counts too). */
  readonly disabled = input(false);
  readonly cancelLabel = input<string | null>(null);
  readonly cancelled = output<void>();

  protected readonly waiting = computed(() => this.disabled() || (this.dialog?.busy() ?? false));

  protected cancel(): void {
    this.cancelled.emit();
    this.dialog?.close();
  }
}
