import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { AuthApi, AuthSession, UsersApi } from '@fasto/api-client';
import { DIGEST_FREQUENCIES, Role, type DigestFrequency, type SessionSummary, type SupportedLocale, type UserView } from '@fasto/contracts';
import { ConfirmButton, Field, FieldControl, FormErrors, PageHeader, RowAction, RunButton, SectionHeader, Skeleton, type FormProblem } from '@fasto/ui';
import { finalize, tap, type Observable } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { FormatPipe } from '../../core/format/format.pipe';
import { I18n, LANGUAGES, type Language } from '../../core/i18n/i18n.service';
import { PreferencesStore } from '../../core/preferences/preferences.store';
import { httpStatus, inputValue } from '../../shared/api-error';
import { formCheck } from '../../shared/form-problems';
import { NewPasswordFields } from '../auth/new-password-fields';
import { passwordProblems } from '../auth/password-policy';
import { signOutAll } from './sign-out-all';
import { profileErrors } from '../members/member-rules';
import { canEditOwnName, canSubmitPassword, digestChoice, profileChanges, profileDraftOf, receivesDigest, type ProfileDraft } from './profile-rules';

/** Own profile, password, signed-in devices and preferences. */
@Component({
  selector: 'app-profile-page',
  imports: [Field, FieldControl, NewPasswordFields, FormErrors, ConfirmButton, PageHeader, RowAction, RunButton, SectionHeader, Skeleton, FormatPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="mx-auto max-w-4xl space-y-5">
      <ui-page-header [title]="i18n.t('nav.profile')" />

      <section class="card p-5" data-testid="profile-card">
        <h2 class="mb-4 font-semibold">{{ i18n.t('profile.details') }}</h2>
        <form class="space-y-4" (submit)="saveProfile($event)" novalidate>
          <ui-field controlId="profile-name" name="fullName" [label]="i18n.t('profile.name')" [problems]="check.problems()">
            <input
              uiControl
              class="input"
              [value]="draft().fullName"
              [readOnly]="!nameEditable()"
              [class.opacity-60]="!nameEditable()"
              (input)="set('fullName', value($event))"
            />
            @if (!nameEditable()) {
              <p class="mt-1 text-xs text-muted" data-testid="name-locked">{{ i18n.t('profile.nameLocked') }}</p>
            }
          </ui-field>
          <div class="grid gap-3 sm:grid-cols-2">
            <ui-field controlId="profile-email" [label]="i18n.t('common.email')">
              <input uiControl class="input opacity-60" readonly [value]="user()?.email ?? ''" />
            </ui-field>
            <ui-field controlId="profile-phone" name="phone" [label]="i18n.t('profile.phone')" [problems]="check.problems()">
              <input uiControl type="tel" class="input" [value]="draft().phone" (input)="set('phone', value($event))" />
            </ui-field>
          </div>
          <div class="flex items-end gap-3">
            @if (draft().avatarUrl.startsWith('https://')) {
              <img [src]="draft().avatarUrl" alt="" class="size-10 rounded-full object-cover" />
            } @else {
              <span class="grid size-10 shrink-0 place-items-center rounded-full bg-zinc-900 text-sm font-semibold text-gold-300 ring-1 ring-gold-500/30">{{
                initial()
              }}</span>
            }
            <ui-field class="flex-1" controlId="profile-avatar" name="avatarUrl" [label]="i18n.t('profile.avatar')" [problems]="check.problems()">
              <input uiControl type="url" placeholder="https://" class="input" [value]="draft().avatarUrl" (input)="set('avatarUrl', value($event))" />
            </ui-field>
          </div>
          <ui-form-errors [problems]="check.problems()" />
          <div class="flex items-center justify-end gap-3">
            @if (profileSaved()) {
              <span class="text-sm text-positive" role="status">{{ i18n.t('common.saved') }}</span>
            }
            <button type="submit" class="btn-primary" [disabled]="busy() === 'profile'" data-testid="profile-save">{{ i18n.t('common.save') }}</button>
          </div>
        </form>
      </section>

      <section class="card p-5" data-testid="password-card">
        <h2 class="mb-4 font-semibold">{{ i18n.t('profile.password') }}</h2>
        @if (impersonating()) {
          <p class="text-sm text-muted">{{ i18n.t('profile.impersonating') }}</p>
        } @else {
          <form class="grid gap-4 sm:grid-cols-2" (submit)="changePassword($event)" novalidate>
            <ui-field
              class="sm:col-span-2"
              controlId="current-password"
              name="currentPassword"
              [label]="i18n.t('profile.currentPassword')"
              [problems]="passwordErrors()"
            >
              <input uiControl type="password" autocomplete="current-password" class="input" [value]="current()" (input)="current.set(value($event))" />
            </ui-field>
            <app-new-password-fields class="sm:col-span-2" [columns]="true" [(password)]="next" [(confirmation)]="confirmation" [problems]="passwordErrors()" />
            <ui-form-errors class="sm:col-span-2" [problems]="passwordErrors()" />
            <div class="flex items-center justify-end gap-3 sm:col-span-2">
              @if (passwordSaved()) {
                <span class="text-sm text-positive" role="status" data-testid="password-saved">{{ i18n.t('profile.passwordSaved') }}</span>
              }
              <button type="submit" class="btn-primary" [disabled]="!passwordReady() || busy() === 'password'" data-testid="password-save">
                {{ i18n.t('profile.changePassword') }}
              </button>
            </div>
          </form>
        }
      </section>

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

      <section class="card p-5" data-testid="preferences-card">
        <h2 class="mb-4 font-semibold">{{ i18n.t('profile.preferences') }}</h2>
        <div class="grid gap-4 sm:grid-cols-3">
          <ui-field controlId="pref-theme" [label]="i18n.t('user.theme')">
            <select uiControl class="input" (change)="preferences.theme.set(value($event) === 'light' ? 'light' : 'dark')">
              <option value="dark" [selected]="preferences.theme() === 'dark'">{{ i18n.t('user.theme.dark') }}</option>
              <option value="light" [selected]="preferences.theme() === 'light'">{{ i18n.t('user.theme.light') }}</option>
            </select>
          </ui-field>
          <ui-field controlId="pref-language" [label]="i18n.t('user.language')">
            <select uiControl class="input" (change)="setLanguage(value($event))" data-testid="pref-language">
              @for (language of languages; track language) {
                <option [value]="language" [selected]="i18n.language() === language">{{ language === 'en' ? 'English' : 'Português' }}</option>
              }
            </select>
          </ui-field>
          <ui-field controlId="pref-sound" [label]="i18n.t('user.sound')">
            <select uiControl class="input" (change)="preferences.soundMuted.set(value($event) === 'off')">
              <option value="on" [selected]="!preferences.soundMuted()">{{ i18n.t('user.sound.on') }}</option>
              <option value="off" [selected]="preferences.soundMuted()">{{ i18n.t('user.sound.off') }}</option>
            </select>
          </ui-field>
        </div>
        <p class="mt-3 text-xs text-muted">{{ i18n.t('profile.languageHelp') }}</p>
        @if (digestOffered()) {
          <ui-field class="mt-4 sm:max-w-md" controlId="pref-digest" [label]="i18n.t('profile.digest')" [hint]="i18n.t('profile.digestHelp')">
            <select uiControl class="input" (change)="setDigest(value($event))" data-testid="pref-digest">
              @for (frequency of digestFrequencies; track frequency) {
                <option [value]="frequency" [selected]="user()?.digest === frequency">{{ i18n.t(digestLabel(frequency)) }}</option>
              }
            </select>
          </ui-field>
        }
      </section>
    </div>
  `,
})
export class ProfilePage {
  protected readonly i18n = inject(I18n);
  protected readonly preferences = inject(PreferencesStore);
  private readonly session = inject(AuthSession);
  private readonly auth = inject(AuthService);
  private readonly authApi = inject(AuthApi);
  private readonly users = inject(UsersApi);
  protected readonly value = inputValue;
  protected readonly languages = LANGUAGES;
  protected readonly user = this.session.user;
  protected readonly impersonating = computed(() => this.session.impersonator() !== null);

  /** "Chrome no Windows": product names from the API, the words around them in the user's language. */
  protected deviceName(session: SessionSummary): string {
    const { browser, system } = session;
    if (browser && system) return this.i18n.t('profile.device', { browser, system });
    return browser ?? system ?? this.i18n.t('profile.deviceUnknown');
  }
  protected readonly nameEditable = computed(() => canEditOwnName(this.user()?.role ?? Role.Agent));
  protected readonly initial = computed(() => (this.user()?.fullName ?? '?').charAt(0).toUpperCase());
  protected readonly busy = signal<'profile' | 'password' | null>(null);
  protected readonly digestOffered = computed(() => receivesDigest(this.user()?.role ?? Role.Agent));
  protected readonly digestFrequencies = DIGEST_FREQUENCIES;
  protected readonly digestLabel = (frequency: DigestFrequency) => `profile.digest.${frequency}` as const;

  private readonly signedInUser = this.session.user();
  protected readonly draft = signal<ProfileDraft>(this.signedInUser ? profileDraftOf(this.signedInUser) : { fullName: '', phone: '', avatarUrl: '' });
  protected readonly check = formCheck(this.i18n, () => profileErrors(this.draft()));
  protected readonly profileSaved = signal(false);

  protected readonly current = signal('');
  protected readonly next = signal('');
  protected readonly confirmation = signal('');
  protected readonly passwordErrors = signal<FormProblem[]>([]);
  protected readonly passwordSaved = signal(false);
  protected readonly passwordReady = computed(() => canSubmitPassword(this.current(), this.next(), this.confirmation()));

  protected readonly sessions = signal<SessionSummary[] | null>(null);
  protected readonly others = computed(() => (this.sessions() ?? []).filter((session) => !session.current));

  constructor() {
    this.loadSessions();
  }

  protected set(key: keyof ProfileDraft, value: string): void {
    this.profileSaved.set(false);
    this.draft.update((draft) => ({ ...draft, [key]: value }));
  }

  protected saveProfile(event: Event): void {
    event.preventDefault();
    const user = this.user();
    if (!this.check.submit() || !user) return;
    const changes = profileChanges(user, this.draft());
    if (Object.keys(changes).length === 0) return this.profileSaved.set(true);
    this.busy.set('profile');
    this.users.updateMe(changes).subscribe({
      next: (view) => {
        this.busy.set(null);
        this.profileSaved.set(true);
        this.applyToSession(view);
      },
      error: (error: unknown) => {
        this.busy.set(null);
        this.check.server.set(this.i18n.problems(error));
      },
    });
  }

  protected changePassword(event: Event): void {
    event.preventDefault();
    if (!this.passwordReady() || this.busy()) return;
    this.busy.set('password');
    this.passwordErrors.set([]);
    this.passwordSaved.set(false);
    this.authApi.changePassword({ currentPassword: this.current(), newPassword: this.next() }).subscribe({
      next: () => {
        this.busy.set(null);
        this.passwordSaved.set(true);
        this.current.set('');
        this.next.set('');
        this.confirmation.set('');
        this.loadSessions();
      },
      error: (error: unknown) => {
        this.busy.set(null);
        const fields = passwordProblems(this.i18n, error);
        const wrong = httpStatus(error) === 401 || httpStatus(error) === 403;
        this.passwordErrors.set(
          fields.length
            ? fields
            : [wrong ? { field: 'currentPassword', message: this.i18n.t('profile.wrongPassword') } : { field: null, message: this.i18n.error(error) }],
        );
      },
    });
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
        error: () => this.loadSessions(),
      }),
    );
  }

  /** One by one; whether all went or one failed, the list is read again to show what is left. */
  protected revokeOthers(): Observable<unknown> {
    const ids = this.others().map((session) => session.id);
    return signOutAll(ids, (id) => this.authApi.revokeSession(id)).pipe(finalize(() => this.loadSessions()));
  }

  protected setLanguage(value: string): void {
    const language = (LANGUAGES as readonly string[]).includes(value) ? (value as Language) : 'pt-BR';
    this.preferences.language.set(language);
    // The API keeps the choice so emails and notifications speak it too.
    this.users.updateMe({ locale: language as SupportedLocale }).subscribe({ next: (view) => this.applyToSession(view), error: () => undefined });
  }

  protected setDigest(value: string): void {
    const digest = digestChoice(value);
    if (digest) this.users.updateMe({ digest }).subscribe({ next: (view) => this.applyToSession(view), error: () => undefined });
  }

  private applyToSession(view: UserView): void {
    const user = this.user();
    if (user)
      this.session.updateUser({ ...user, fullName: view.fullName, phone: view.phone, avatarUrl: view.avatarUrl, locale: view.locale, digest: view.digest });
  }

  private loadSessions(): void {
    this.authApi.sessions().subscribe({ next: (page) => this.sessions.set(page.items), error: () => this.sessions.set([]) });
  }
}
