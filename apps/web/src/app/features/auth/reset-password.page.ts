import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthApi } from '@fasto/api-client';
import type { FormProblem } from '@fasto/ui';
import { I18n } from '../../core/i18n/i18n.service';
import { httpStatus } from '../../shared/api-error';
import { passwordProblems } from './password-policy';
import { AuthNotice } from './auth-notice';
import { SetPasswordForm } from './set-password-form';

@Component({
  selector: 'app-reset-password-page',
  imports: [RouterLink, SetPasswordForm, AuthNotice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="mb-5 text-xl font-semibold">{{ i18n.t('auth.reset.title') }}</h1>
    @if (done()) {
      <app-auth-notice tone="done">{{ i18n.t('auth.reset.done') }}</app-auth-notice>
    } @else if (!token()) {
      <p class="text-sm text-negative" role="alert">{{ i18n.t('auth.reset.badToken') }}</p>
    } @else {
      <app-set-password-form [submitLabel]="i18n.t('auth.reset.save')" [busy]="busy()" [problems]="problems()" (submitted)="save($event)" />
    }
    <a routerLink="/login" class="mt-5 block text-center text-sm text-accent hover:underline">{{ i18n.t('auth.backToLogin') }}</a>
  `,
})
export class ResetPasswordPage {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(AuthApi);
  readonly token = input<string | undefined>();
  protected readonly busy = signal(false);
  protected readonly done = signal(false);
  protected readonly problems = signal<FormProblem[]>([]);

  protected save(password: string): void {
    this.busy.set(true);
    this.problems.set([]);
    this.api.resetPassword({ token: this.token() ?? '', password }).subscribe({
      next: () => this.done.set(true),
      error: (error: unknown) => {
        this.busy.set(false);
        const fields = passwordProblems(this.i18n, error);
        this.problems.set(
          fields.length
            ? fields
            : [{ field: null, message: httpStatus(error) === 400 || httpStatus(error) === 401 ? this.i18n.t('auth.reset.badToken') : this.i18n.error(error) }],
        );
      },
    });
  }
}
