import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormField } from '@angular/forms/signals';
import { RouterLink } from '@angular/router';
import { Field, FieldControl } from '@fasto/ui';
import { AuthApi } from '@fasto/api-client';
import { I18n } from '../../core/i18n/i18n.service';
import { AuthNotice } from './auth-notice';
import { httpStatus, retryAfterSeconds } from '../../shared/api-error';
import { requiredField } from './required-field';

@Component({
  selector: 'app-forgot-password-page',
  imports: [FormField, RouterLink, Field, FieldControl, AuthNotice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="mb-2 text-xl font-semibold">{{ i18n.t('auth.forgot.title') }}</h1>
    @if (sent()) {
      <app-auth-notice tone="done">{{ i18n.t('auth.forgot.sent') }}</app-auth-notice>
    } @else {
      <p class="mb-5 text-sm text-muted">{{ i18n.t('auth.forgot.help') }}</p>
      <form class="space-y-4" (submit)="submit($event)" novalidate>
        <ui-field controlId="email" [label]="i18n.t('auth.email')">
          <input uiControl type="email" autocomplete="email" class="input" [formField]="emailField" />
        </ui-field>
        @if (error(); as message) {
          <p class="text-sm text-negative" role="alert">{{ message }}</p>
        }
        <button type="submit" class="btn-primary w-full py-2.5" [disabled]="busy() || !email()">{{ i18n.t('auth.forgot.send') }}</button>
      </form>
    }
    <a routerLink="/login" class="mt-5 block text-center text-sm text-accent hover:underline">{{ i18n.t('auth.backToLogin') }}</a>
  `,
})
export class ForgotPasswordPage {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(AuthApi);
  protected readonly email = signal('');
  protected readonly emailField = requiredField(this.email, 'email');
  protected readonly busy = signal(false);
  protected readonly sent = signal(false);
  protected readonly error = signal<string | null>(null);

  protected submit(event: Event): void {
    event.preventDefault();
    this.busy.set(true);
    this.error.set(null);
    this.api.forgotPassword({ email: this.email().trim() }).subscribe({
      next: () => this.sent.set(true),
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(httpStatus(error) === 429 ? this.i18n.t('auth.throttled', { s: retryAfterSeconds(error) }) : this.i18n.t('auth.genericError'));
      },
    });
  }
}
