import { ChangeDetectionStrategy, Component, inject, input, model } from '@angular/core';
import { FormField, form } from '@angular/forms/signals';
import { Field, FieldControl, type FormProblem } from '@fasto/ui';
import { I18n } from '../../core/i18n/i18n.service';
import { NEW_PASSWORD_FIELD, PasswordPolicy } from './password-policy';

/** New password + confirmation with the live policy ticks; the API's refusals show under the new password. */
@Component({
  selector: 'app-new-password-fields',
  imports: [FormField, Field, FieldControl, PasswordPolicy],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'grid gap-4', '[class.sm:grid-cols-2]': 'columns()' },
  template: `
    <ui-field controlId="new-password" [name]="field" [label]="i18n.t('auth.newPassword')" [problems]="problems()">
      <input uiControl type="password" autocomplete="new-password" class="input" [formField]="passwordField" />
    </ui-field>
    <ui-field controlId="confirm-password" [label]="i18n.t('auth.confirmPassword')">
      <input uiControl type="password" autocomplete="new-password" class="input" [formField]="confirmationField" />
    </ui-field>
    <app-password-policy [class.sm:col-span-2]="columns()" [password]="password()" [confirmation]="confirmation()" />
  `,
})
export class NewPasswordFields {
  protected readonly i18n = inject(I18n);
  readonly password = model('');
  readonly confirmation = model('');
  readonly problems = input<readonly FormProblem[]>([]);
  /** Side by side from small screens up (the profile page); stacked otherwise (the sign-in pages). */
  readonly columns = input(false);
  protected readonly field = NEW_PASSWORD_FIELD;
  protected readonly passwordField = form(this.password);
  protected readonly confirmationField = form(this.confirmation);
}
