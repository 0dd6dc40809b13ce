import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { AuthApi } from '@fasto/api-client';
import { AuthService } from '../../core/auth/auth.service';
import { I18n } from '../../core/i18n/i18n.service';
import { apiMessage, fieldMessages } from '../../shared/api-error';
import { policyProblem } from './password-policy';
import { SetPasswordForm } from './set-password-form';

@Component({
  selector: 'app-accept-invite-page',
  imports: [SetPasswordForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="mb-1 text-xl font-semibold">{{ i18n.t('auth.invite.title') }}</h1>
    <p class="mb-5 text-sm text-zinc-500">{{ i18n.t('auth.invite.help') }}</p>
    @if (!token()) {
      <p class="text-sm text-red-600 dark:text-red-400" role="alert">{{ i18n.t('auth.reset.badToken') }}</p>
    } @else {
      <app-set-password-form [submitLabel]="i18n.t('auth.invite.save')" [busy]="busy()" [problems]="problems()" (submitted)="accept($event)" />
    }
  `,
})
export class AcceptInvitePage {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(AuthApi);
  private readonly auth = inject(AuthService);
  readonly token = input<string | undefined>();
  protected readonly busy = signal(false);
  protected readonly problems = signal<string[]>([]);

  protected accept(password: string): void {
    this.busy.set(true);
    this.problems.set([]);
    this.api.acceptInvite({ token: this.token() ?? '', password }).subscribe({
      next: (response) => this.auth.startWith(response, null),
      error: (error: unknown) => {
        this.busy.set(false);
        const fields = fieldMessages(error).map((message) => policyProblem(this.i18n, message));
        this.problems.set(fields.length ? fields : [apiMessage(error) ?? this.i18n.t('auth.reset.badToken')]);
      },
    });
  }
}
