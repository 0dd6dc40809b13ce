import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormErrors, type FormProblem } from '@fasto/ui';
import { I18n } from '../../core/i18n/i18n.service';
import { NewPasswordFields } from './new-password-fields';
import { passwordRules } from './password-policy';

/** New password + confirmation with live policy feedback; shared by reset and invite acceptance. */
@Component({
  selector: 'app-set-password-form',
  imports: [NewPasswordFields, FormErrors],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="space-y-4" (submit)="submit($event)" novalidate>
      <app-new-password-fields [(password)]="password" [(confirmation)]="confirmation" [problems]="problems()" />
      <ui-form-errors [problems]="problems()" testId="password-errors" />
      <button type="submit" class="btn-primary w-full py-2.5" [disabled]="busy() || !valid()">{{ submitLabel() }}</button>
    </form>
  `,
})
export class SetPasswordForm {
  protected readonly i18n = inject(I18n);
  readonly submitLabel = input.required<string>();
  readonly busy = input(false);
  readonly problems = input<readonly FormProblem[]>([]);
  readonly submitted = output<string>();
  protected readonly password = signal('');
  protected readonly confirmation = signal('');
  protected readonly valid = computed(() => {
    const rules = passwordRules(this.password(), this.confirmation());
    return rules.length && rules.match;
  });

  protected submit(event: Event): void {
    event.preventDefault();
    if (this.valid()) this.submitted.emit(this.password());
  }
}
