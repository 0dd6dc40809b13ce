import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { I18n } from '../../core/i18n/i18n.service';
import { inputValue } from '../../shared/api-error';
import { PasswordPolicy, passwordRules } from './password-policy';

/** New password + confirmation with live policy feedback; shared by reset and invite acceptance. */
@Component({
  selector: 'app-set-password-form',
  imports: [PasswordPolicy],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="space-y-4" (submit)="submit($event)" novalidate>
      <div>
        <label class="label" for="new-password">{{ i18n.t('auth.newPassword') }}</label>
        <input id="new-password" type="password" autocomplete="new-password" class="input" [value]="password()" (input)="password.set(value($event))" />
      </div>
      <div>
        <label class="label" for="confirm-password">{{ i18n.t('auth.confirmPassword') }}</label>
        <input
          id="confirm-password"
          type="password"
          autocomplete="new-password"
          class="input"
          [value]="confirmation()"
          (input)="confirmation.set(value($event))"
        />
      </div>
      <app-password-policy [password]="password()" [confirmation]="confirmation()" />
      @if (problems().length) {
        <ul
          class="space-y-1 rounded-lg border border-red-500/30 bg-red-500/10 px-3 py-2 text-sm text-red-700 dark:text-red-300"
          role="alert"
          data-testid="password-errors"
        >
          @for (problem of problems(); track problem) {
            <li>{{ problem }}</li>
          }
        </ul>
      }
      <button type="submit" class="btn-primary w-full py-2.5" [disabled]="busy() || !valid()">{{ submitLabel() }}</button>
    </form>
  `,
})
export class SetPasswordForm {
  protected readonly i18n = inject(I18n);
  readonly submitLabel = input.required<string>();
  readonly busy = input(false);
  readonly problems = input<string[]>([]);
  readonly submitted = output<string>();
  protected readonly password = signal('');
  protected readonly confirmation = signal('');
  protected readonly value = inputValue;
  protected readonly valid = computed(() => {
    const rules = passwordRules(this.password(), this.confirmation());
    return rules.length && rules.match;
  });

  protected submit(event: Event): void {
    event.preventDefault();
    if (this.valid()) this.submitted.emit(this.password());
  }
}
