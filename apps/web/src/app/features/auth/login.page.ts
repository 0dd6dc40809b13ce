import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, signal } from '@angular/core';
import { FormField } from '@angular/forms/signals';
import { RouterLink } from '@angular/router';
import { Field, FieldControl } from '@fasto/ui';
import { I18n } from '../../core/i18n/i18n.service';
import { AuthService } from '../../core/auth/auth.service';
import { AuthNotice } from './auth-notice';
import { httpStatus, retryAfterSeconds } from '../../shared/api-error';
import { requiredField } from './required-field';

@Component({
  selector: 'app-login-page',
  imports: [FormField, RouterLink, Field, FieldControl, AuthNotice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="mb-6 text-xl font-semibold">{{ i18n.t('auth.title') }}</h1>
    @if (expired() && !error()) {
      <app-auth-notice class="mb-4" tone="info" testId="session-expired">{{ i18n.t('auth.expired') }}</app-auth-notice>
    }
    <form class="space-y-4" (submit)="submit($event)" novalidate>
      <ui-field controlId="email" [label]="i18n.t('auth.email')">
        <input uiControl type="email" autocomplete="username" class="input" [formField]="emailField" />
      </ui-field>
      <ui-field controlId="password" [label]="i18n.t('auth.password')">
        <input uiControl type="password" autocomplete="current-password" class="input" [formField]="passwordField" />
      </ui-field>
      @if (error(); as message) {
        <app-auth-notice tone="error" testId="login-error">{{ message }}</app-auth-notice>
      }
      <button type="submit" class="btn-primary w-full py-2.5" [disabled]="busy() || waitSeconds() > 0 || !email() || !password()" data-testid="login-submit">
        {{ busy() ? i18n.t('common.loading') : i18n.t('auth.signIn') }}
      </button>
      <!-- After the button, so Tab goes e-mail → senha → Entrar → "Esqueci" (issue 19). -->
      <p class="text-center">
        <a routerLink="/forgot-password" class="text-sm text-accent hover:underline" data-testid="login-forgot">{{ i18n.t('auth.forgot') }}</a>
      </p>
    </form>
  `,
})
export class LoginPage {
  protected readonly i18n = inject(I18n);
  private readonly auth = inject(AuthService);
  readonly expired = input<string | undefined>();
  readonly returnUrl = input<string | undefined>();
  protected readonly email = signal('');
  protected readonly password = signal('');
  protected readonly emailField = requiredField(this.email, 'email');
  protected readonly passwordField = requiredField(this.password, 'password');
  protected readonly busy = signal(false);
  private readonly failure = signal<'invalid' | 'throttled' | 'other' | null>(null);
  protected readonly waitSeconds = signal(0);
  private timer: ReturnType<typeof setInterval> | undefined;

  protected readonly error = computed(() => {
    switch (this.failure()) {
      case 'invalid':
        return this.i18n.t('auth.invalid');
      case 'throttled':
        return this.i18n.t('auth.throttled', { s: this.waitSeconds() });
      case 'other':
        return this.i18n.t('auth.genericError');
      default:
        return null;
    }
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => clearInterval(this.timer));
  }

  protected submit(event: Event): void {
    event.preventDefault();
    if (this.busy() || this.waitSeconds() > 0) return;
    this.busy.set(true);
    this.failure.set(null);
    this.auth.login({ email: this.email().trim(), password: this.password() }).subscribe({
      next: (response) => this.auth.startWith(response, this.returnUrl() ?? null),
      error: (error: unknown) => {
        this.busy.set(false);
        const status = httpStatus(error);
        if (status === 429) this.countDown(retryAfterSeconds(error));
        this.failure.set(status === 401 || status === 400 ? 'invalid' : status === 429 ? 'throttled' : 'other');
      },
    });
  }

  private countDown(seconds: number): void {
    clearInterval(this.timer);
    this.waitSeconds.set(seconds);
    this.timer = setInterval(() => {
      this.waitSeconds.update((left) => Math.max(0, left - 1));
      if (this.waitSeconds() === 0) {
        clearInterval(this.timer);
        this.failure.set(null);
      }
    }, 1000);
  }
}
