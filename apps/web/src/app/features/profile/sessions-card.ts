import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { AuthApi } from '@fasto/api-client';
import type { SessionSummary } from '@fasto/contracts';
import { ConfirmButton, RowAction, RunButton, SectionHeader, Skeleton } from '@fasto/ui';
import { finalize, tap, type Observable } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { FormatPipe } from '../../core/format/format.pipe';
import { I18n } from '../../core/i18n/i18n.service';
import { signOutAll } from './sign-out-all';

/** The devices signed in as oneself: sign one out, or all the others. */
@Component({
  selector: 'app-sessions-card',
  imports: [ConfirmButton, RowAction, RunButton, SectionHeader, Skeleton, FormatPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'block' },
  template: `
    <section class="card overflow-hidden" data-testid="sessions-card">
      <ui-section-header
        class="border-b border-zinc-200 px-5 py-4 dark:border-zinc-800"
        [title]="i18n.t('profile.sessions')"
        [help]="i18n.t('profile.sessionsHelp')"
      >
        <button
          class="btn-outline"
          [disabled]="others().length === 0"
          data-testid="revoke-others"
          [uiConfirm]="i18n.t('profile.signOutOthersConfirm', { n: others().length })"
          [run]="() => revokeOthers()"
        >
          {{ i18n.t('profile.signOutOthers') }}
        </button>
      </ui-section-header>
      @if (sessions() === null) {
        <ui-skeleton shape="lines" class="p-5" />
      } @else {
        <ul class="divide-y divide-zinc-100 dark:divide-zinc-900">
          @for (session of sessions(); track session.id) {
            <li class="flex flex-wrap items-center gap-3 px-5 py-3" data-testid="session-row" [attr.data-current]="session.current">
              <div class="min-w-0 flex-1">
                <p class="flex items-center gap-2 font-medium">
                  {{ deviceName(session) }}
                  @if (session.current) {
                    <span class="chip border-gold-500/40 text-gold-700 dark:text-gold-300">{{ i18n.t('profile.thisDevice') }}</span>
                  }
                </p>
                <p class="text-xs text-muted tabular-nums">
                  {{ session.ip ?? '—' }} · {{ i18n.t('profile.lastUsed', { at: (session.lastUsedAt ?? session.createdAt | format: 'dateTime') }) }}
                </p>
              </div>
              <button
                uiRowAction
                danger
                [label]="i18n.t('profile.signOutSessionOf', { device: deviceName(session) })"
                testId="revoke-session"
                [uiRun]="() => revoke(session)"
              >
                {{ i18n.t('profile.signOutSession') }}
              </button>
            </li>
          }
        </ul>
      }
    </section>
  `,
})
export class SessionsCard {
  protected readonly i18n = inject(I18n);
  private readonly auth = inject(AuthService);
  private readonly authApi = inject(AuthApi);
  protected readonly sessions = signal<SessionSummary[] | null>(null);
  protected readonly others = computed(() => (this.sessions() ?? []).filter((session) => !session.current));

  constructor() {
    this.reload();
  }

  /** Reads the list again (after a password change, a failed or bulk sign-out). */
  reload(): void {
    this.authApi.sessions().subscribe({ next: (page) => this.sessions.set(page.items), error: () => this.sessions.set([]) });
  }

  /** "Chrome no Windows": product names from the API, the words around them in the user's language. */
  protected deviceName(session: SessionSummary): string {
    const { browser, system } = session;
    if (browser && system) return this.i18n.t('profile.device', { browser, system });
    return browser ?? system ?? this.i18n.t('profile.deviceUnknown');
  }

  /** Signing out this very device is a sign-out; others just leave the list. */
  protected revoke(session: SessionSummary): Observable<unknown> {
    return this.authApi.revokeSession(session.id).pipe(
      tap({
        next: () => {
          if (session.current) void this.auth.logout();
          else this.sessions.update((list) => (list ?? []).filter((item) => item.id !== session.id));
        },
        // What is left is read again, as after signing out the others.
        error: () => this.reload(),
      }),
    );
  }

  /** One by one; whether all went or one failed, the list is read again to show what is left. */
  protected revokeOthers(): Observable<unknown> {
    const ids = this.others().map((session) => session.id);
    return signOutAll(ids, (id) => this.authApi.revokeSession(id)).pipe(finalize(() => this.reload()));
  }
}
