import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthApi } from '@fasto/api-client';
import type { InvitationCheckResponse, InvitationStatus } from '@fasto/contracts';
import type { FormProblem } from '@fasto/ui';
import type { Subscription } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { I18n } from '../../core/i18n/i18n.service';
import type { MessageKey } from '../../core/i18n/messages';
import { httpStatus } from '../../shared/api-error';
import { whenChanged } from '../../shared/when-changed';
import { passwordProblems } from './password-policy';
import { AuthNotice } from './auth-notice';
import { SetPasswordForm } from './set-password-form';

/** Why a link cannot be used, told before any form is shown. */
const UNUSABLE: Record<Exclude<InvitationStatus, 'valid'>, MessageKey> = {
  used: 'auth.invite.used',
  expired: 'auth.invite.expired',
  invalid: 'auth.invite.invalid',
};

@Component({
  selector: 'app-accept-invite-page',
  imports: [SetPasswordForm, RouterLink, AuthNotice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="mb-1 text-xl font-semibold">{{ i18n.t('auth.invite.title') }}</h1>
    @switch (state()) {
      @case ('checking') {
        <p class="text-sm text-muted" aria-busy="true" data-testid="invite-checking">{{ i18n.t('auth.invite.checking') }}</p>
      }
      @case ('unreachable') {
        <p class="mb-4 text-sm text-negative" role="alert">{{ i18n.t('auth.genericError') }}</p>
        <button type="button" class="btn-outline" (click)="check()">{{ i18n.t('common.retry') }}</button>
      }
      @case ('valid') {
        <p class="mb-5 text-sm text-muted" data-testid="invite-for">
          {{ i18n.t('auth.invite.for', { email: invitation()?.email ?? '', tenant: invitation()?.tenantName ?? '' }) }}
        </p>
        <app-set-password-form [submitLabel]="i18n.t('auth.invite.save')" [busy]="busy()" [problems]="problems()" (submitted)="accept($event)" />
      }
      @default {
        <app-auth-notice class="mb-5" tone="warning" testId="invite-unusable">{{ i18n.t(unusable()) }}</app-auth-notice>
        <a routerLink="/login" class="btn-primary w-full py-2.5" data-testid="invite-to-login">{{ i18n.t('auth.backToLogin') }}</a>
      }
    }
  `,
})
export class AcceptInvitePage {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(AuthApi);
  private readonly auth = inject(AuthService);
  readonly token = input<string | undefined>();
  protected readonly state = signal<'checking' | 'unreachable' | InvitationStatus>('checking');
  protected readonly invitation = signal<InvitationCheckResponse | null>(null);
  protected readonly busy = signal(false);
  protected readonly problems = signal<FormProblem[]>([]);

  constructor() {
    whenChanged(this.token, () => this.check());
  }

  protected unusable(): MessageKey {
    const state = this.state();
    return state === 'used' || state === 'expired' ? UNUSABLE[state] : UNUSABLE.invalid;
  }

  /** Asks the API what the link is worth; a malformed link (400) is simply invalid. */
  protected check(): Subscription | void {
    const token = this.token();
    if (!token) return this.state.set('invalid');
    this.state.set('checking');
    return this.api.checkInvite({ token }).subscribe({
      next: (answer) => {
        this.invitation.set(answer);
        this.state.set(answer.status);
      },
      error: (error: unknown) => this.state.set(httpStatus(error) === 400 ? 'invalid' : 'unreachable'),
    });
  }

  protected accept(password: string): void {
    this.busy.set(true);
    this.problems.set([]);
    this.api.acceptInvite({ token: this.token() ?? '', password }).subscribe({
      next: (response) => this.auth.startWith(response, null),
      error: (error: unknown) => {
        this.busy.set(false);
        const fields = passwordProblems(this.i18n, error);
        // Not a password problem: the link went bad meanwhile (used in another tab, expired); say which.
        if (fields.length) this.problems.set(fields);
        else this.check();
      },
    });
  }
}
