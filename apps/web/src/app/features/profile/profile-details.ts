import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { form, FormField, readonly } from '@angular/forms/signals';
import { AuthSession, UsersApi } from '@fasto/api-client';
import { Role } from '@fasto/contracts';
import { Field, FieldControl, FormErrors } from '@fasto/ui';
import { I18n } from '../../core/i18n/i18n.service';
import { formCheck } from '../../shared/form-problems';
import { SaveRow } from '../../shared/save-row';
import { profileErrors } from '../members/member-rules';
import { canEditOwnName, keepInSession, profileChanges, profileDraftOf, type ProfileDraft } from './profile-rules';

/** One's own name, phone and avatar; the e-mail is shown, not edited. */
@Component({
  selector: 'app-profile-details',
  imports: [FormField, Field, FieldControl, FormErrors, SaveRow],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'block' },
  template: `
    <section class="card p-5" data-testid="profile-card">
      <h2 class="mb-4 font-semibold">{{ i18n.t('profile.details') }}</h2>
      <form class="space-y-4" (submit)="save($event)" novalidate>
        <ui-field controlId="profile-name" name="fullName" [label]="i18n.t('profile.name')" [problems]="check.problems()">
          <input uiControl class="input" [formField]="form.fullName" [class.opacity-60]="!nameEditable()" />
          @if (!nameEditable()) {
            <p class="mt-1 text-xs text-muted" data-testid="name-locked">{{ i18n.t('profile.nameLocked') }}</p>
          }
        </ui-field>
        <div class="grid gap-3 sm:grid-cols-2">
          <ui-field controlId="profile-email" [label]="i18n.t('common.email')">
            <input uiControl class="input opacity-60" readonly [value]="user()?.email ?? ''" />
          </ui-field>
          <ui-field controlId="profile-phone" name="phone" [label]="i18n.t('profile.phone')" [problems]="check.problems()">
            <input uiControl type="tel" class="input" [formField]="form.phone" />
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
            <input uiControl type="url" placeholder="https://" class="input" [formField]="form.avatarUrl" />
          </ui-field>
        </div>
        <ui-form-errors [problems]="check.problems()" />
        <app-save-row [saved]="saved()" [disabled]="busy()" testId="profile-save" />
      </form>
    </section>
  `,
})
export class ProfileDetails {
  protected readonly i18n = inject(I18n);
  private readonly session = inject(AuthSession);
  private readonly users = inject(UsersApi);
  protected readonly user = this.session.user;
  protected readonly nameEditable = computed(() => canEditOwnName(this.user()?.role ?? Role.Agent));
  protected readonly initial = computed(() => (this.user()?.fullName ?? '?').charAt(0).toUpperCase());
  private readonly signedInUser = this.session.user();
  protected readonly draft = signal<ProfileDraft>(this.signedInUser ? profileDraftOf(this.signedInUser) : { fullName: '', phone: '', avatarUrl: '' });
  /** An agent sees their name but cannot change it (the input is read-only, not a rule that fails). */
  protected readonly form = form(this.draft, (path) => readonly(path.fullName, () => !this.nameEditable()));
  protected readonly check = formCheck(this.i18n, () => profileErrors(this.draft()));
  protected readonly busy = signal(false);
  /** The draft as last saved: "saved" shows until the next edit makes a new draft. */
  private readonly savedDraft = signal<ProfileDraft | null>(null);
  protected readonly saved = computed(() => this.savedDraft() === this.draft());

  protected save(event: Event): void {
    event.preventDefault();
    const user = this.user();
    const draft = this.draft();
    if (!this.check.submit() || !user) return;
    const changes = profileChanges(user, draft);
    if (Object.keys(changes).length === 0) return this.savedDraft.set(draft);
    this.busy.set(true);
    this.users.updateMe(changes).subscribe({
      next: (view) => {
        this.busy.set(false);
        this.savedDraft.set(draft);
        keepInSession(this.session, view);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.check.server.set(this.i18n.problems(error));
      },
    });
  }
}
