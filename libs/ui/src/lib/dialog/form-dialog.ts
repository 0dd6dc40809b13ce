import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { FormErrors } from '../form-field/form-errors';
import type { FormCheck } from '../form-field/form-problem';
import { FORM_PROBLEMS } from '../form-field/form-problems-token';
import { UI_TEXT } from '../ui-text/ui-text';
import { Dialog } from './dialog';

/**
 * The dialog of a "fill in and send" form, so each one only lists its fields: the form (no browser validation,
 * `submitted` with the page kept), its check's problems handed to every `ui-field` inside and all announced at once
 * under the fields, then the actions row it draws itself: Cancel, which closes the dialog, and the submit button
 * (`${testId}-submit`), which waits while the form is busy. While busy it cannot be closed either: the answer would
 * land on a dialog already gone (a new webhook's secret, shown once, would be lost).
 * Projected by attribute: `[uiFormExtra]` on the row's left (a Delete button), `[uiFormSubmit]` / `[uiFormCancel]`
 * as the buttons' words where "Save" / "Cancel" do not fit (content, so the opening tag stays one line).
 */
@Component({
  selector: 'ui-form-dialog',
  imports: [Dialog, FormErrors],
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [{ provide: FORM_PROBLEMS, useFactory: () => inject(FormDialog).problems }],
  template: `
    <ui-dialog [title]="title()" [testId]="testId()" (closed)="close()">
      <form class="space-y-4" novalidate (submit)="send($event)">
        <ng-content />
        <ui-form-errors [problems]="problems()" [testId]="errorsTestId()" />
        <div class="flex flex-wrap items-center justify-between gap-2">
          <div><ng-content select="[uiFormExtra]" /></div>
          <div class="flex gap-2">
            <button type="button" class="btn-ghost" [disabled]="busy()" (click)="close()">
              <ng-content select="[uiFormCancel]">{{ text.cancel() }}</ng-content>
            </button>
            <button type="submit" class="btn-primary" [disabled]="busy()" [attr.data-testid]="submitTestId()">
              <ng-content select="[uiFormSubmit]">{{ text.save() }}</ng-content>
            </button>
          </div>
        </div>
      </form>
    </ui-dialog>
  `,
})
export class FormDialog {
  protected readonly text = inject(UI_TEXT);
  readonly title = input.required<string>();
  readonly testId = input<string | null>(null);
  /** The form's checks and the server's answer to the last send. */
  readonly check = input<FormCheck | null>(null);
  /** While sending: the submit button waits and nothing closes the dialog. */
  readonly busy = input(false);
  readonly errorsTestId = input('form-errors');
  readonly submitted = output<void>();
  readonly closed = output<void>();

  readonly problems = computed(() => this.check()?.problems() ?? []);
  protected readonly submitTestId = computed(() => (this.testId() ? `${this.testId()}-submit` : null));

  protected send(event: Event): void {
    event.preventDefault();
    // Enter in a field submits too: the disabled button alone would not stop a second send.
    if (!this.busy()) this.submitted.emit();
  }

  /** Escape, the backdrop, × and Cancel: refused while the form is being sent. */
  close(): void {
    if (!this.busy()) this.closed.emit();
  }
}
