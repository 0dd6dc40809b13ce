import { ChangeDetectionStrategy, Component, computed, inject, output, signal } from '@angular/core';
import { form, FormField } from '@angular/forms/signals';
import { AuthApi, AuthSession } from '@fasto/api-client';
import { Field, FieldControl, FormErrors, type FormProblem } from '@fasto/ui';
import { I18n } from '../../core/i18n/i18n.service';
import { httpStatus } from '../../shared/api-error';
import { SaveRow } from '../../shared/save-row';
import { NewPasswordFields } from '../auth/new-password-fields';
import { passwordProblems } from '../auth/password-policy';
import { canSubmitPassword } from './profile-rules';

/** Changing one's own password (not while impersonating): the current one, then the new one twice. */
@Component({
  selector: 'app-change-password',
  imports: [FormField, Field, FieldControl, FormErrors, NewPasswordFields, SaveRow],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'block' },
  template: `
    <section class="card p-5" data-testid="password-card">
      <h2 class="mb-4 font-semibold">{{ i18n.t('profile.password') }}</h2>
      @if (impersonating()) {
        <p class="text-sm text-muted">{{ i18n.t('profile.impersonating') }}</p>
      } @else {
        <form class="grid gap-4 sm:grid-cols-2" (submit)="submit($event)" novalidate>
          <ui-field
            class="sm:col-span-2"
            controlId="current-password"
            name="currentPassword"
            [label]="i18n.t('profile.currentPassword')"
            [problems]="problems()"
          >
            <input uiControl type="password" autocomplete="current-password" class="input" [formField]="currentField" />
          </ui-field>
          <app-new-password-fields class="sm:col-span-2" [columns]="true" [(password)]="next" [(confirmation)]="confirmation" [problems]="problems()" />
          <ui-form-errors class="sm:col-span-2" [problems]="problems()" />
          <app-save-row
            class="sm:col-span-2"
            [saved]="saved()"
            [savedText]="i18n.t('profile.passwordSaved')"
            savedTestId="password-saved"
            [label]="i18n.t('profile.changePassword')"
            [disabled]="!ready() || busy()"
            testId="password-save"
          />
        </form>
      }
    </section>
  `,
})
export class ChangePassword {
  protected readonly i18n = inject(I18n);
  private readonly authApi = inject(AuthApi);
  private readonly session = inject(AuthSession);
  /** The password changed: the page reads the signed-in devices again. */
  readonly changed = output<void>();
  protected readonly impersonating = computed(() => this.session.impersonator() !== null);
  protected readonly current = signal('');
  protected readonly currentField = form(this.current);
  protected readonly next = signal('');
  protected readonly confirmation = signal('');
  protected readonly problems = signal<FormProblem[]>([]);
  protected readonly busy = signal(false);
  protected readonly saved = signal(false);
  protected readonly ready = computed(() => canSubmitPassword(this.current(), this.next(), this.confirmation()));

  protected submit(event: Event): void {
    event.preventDefault();
    if (!this.ready() || this.busy()) return;
    this.busy.set(true);
    this.problems.set([]);
    this.saved.set(false);
    this.authApi.changePassword({ currentPassword: this.current(), newPassword: this.next() }).subscribe({
      next: () => {
        this.busy.set(false);
        this.saved.set(true);
        this.current.set('');
        this.next.set('');
        this.confirmation.set('');
        this.changed.emit();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const fields = passwordProblems(this.i18n, error);
        const wrong = httpStatus(error) === 401 || httpStatus(error) === 403;
        this.problems.set(
          fields.length
            ? fields
            : [wrong ? { field: 'currentPassword', message: this.i18n.t('profile.wrongPassword') } : { field: null, message: this.i18n.error(error) }],
        );
      },
    });
  }
}
