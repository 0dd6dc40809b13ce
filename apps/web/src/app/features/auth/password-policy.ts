import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { PASSWORD_MIN_LENGTH } from '@fasto/contracts';
import type { FormProblem } from '@fasto/ui';
import { I18n } from '../../core/i18n/i18n.service';
import { fieldMessages } from '../../shared/api-error';
import { Icon } from '../../shared/icon';

/** What the API's password policy checks that the page can know about, ticked as the user types. */
export function passwordRules(password: string, confirmation: string): { length: boolean; match: boolean } {
  return { length: password.length >= PASSWORD_MIN_LENGTH, match: password.length > 0 && password === confirmation };
}

@Component({
  selector: 'app-password-policy',
  imports: [Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="space-y-1 text-xs" aria-live="polite" data-testid="password-policy">
      @for (rule of rules(); track rule.label) {
        <li class="flex items-center gap-2" [class]="rule.ok ? 'text-positive' : 'text-muted'">
          <app-icon [name]="rule.ok ? 'check' : 'x'" [size]="14" />{{ rule.label }}
        </li>
      }
      <li class="flex items-center gap-2 text-muted">
        <app-icon name="alert" [size]="14" />{{ i18n.t('auth.policy.email') }} · {{ i18n.t('auth.policy.common') }}
      </li>
    </ul>
  `,
})
export class PasswordPolicy {
  protected readonly i18n = inject(I18n);
  readonly password = input('');
  readonly confirmation = input('');
  protected readonly rules = computed(() => {
    const result = passwordRules(this.password(), this.confirmation());
    return [
      { label: this.i18n.t('auth.policy.length', { n: PASSWORD_MIN_LENGTH }), ok: result.length },
      { label: this.i18n.t('auth.policy.match'), ok: result.match },
    ];
  });
}

/** The API words its policy failures in English: show the known ones in the UI language. */
export function policyProblem(i18n: I18n, message: string): string {
  if (/at least \d+ characters/i.test(message)) return i18n.t('auth.policy.length', { n: PASSWORD_MIN_LENGTH });
  if (/email/i.test(message)) return i18n.t('auth.policy.email');
  if (/common/i.test(message)) return i18n.t('auth.policy.common');
  return i18n.t('auth.genericError');
}

/** The field the new-password inputs stand for in problems (`app-new-password-fields`). */
export const NEW_PASSWORD_FIELD = 'newPassword';

/** A refused password as problems on the new-password field; empty when the refusal was about something else. */
export const passwordProblems = (i18n: I18n, error: unknown): FormProblem[] =>
  fieldMessages(error).map((message) => ({ field: NEW_PASSWORD_FIELD, message: policyProblem(i18n, message) }));
