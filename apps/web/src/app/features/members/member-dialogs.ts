import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal, type OnInit } from '@angular/core';
import { UsersApi } from '@fasto/api-client';
import { Role, type TeamView, type UserView } from '@fasto/contracts';
import { map } from 'rxjs';
import { formatDateTime } from '../../core/format/format';
import { I18n } from '../../core/i18n/i18n.service';
import { httpStatus, inputValue } from '../../shared/api-error';
import { Confirm, Modal } from '../../shared/modal';
import { FormErrors, MemberFields } from './member-form';
import { canChangeStatus, draftOf, inviteErrors, memberChanges, profileErrors, type MemberDraft } from './member-rules';

function errorsOf(error: unknown, i18n: I18n): string[] {
  if (httpStatus(error) === 409) return [i18n.t('members.err.emailTaken')];
  if (httpStatus(error) === 422) return [i18n.t('members.err.emailUnavailable')];
  if (httpStatus(error) === 429) return [i18n.t('members.err.tooManyInvites')];
  return i18n.errors(error);
}

/** Admins add a member; the API emails them the invitation link. */
@Component({
  selector: 'app-invite-member-dialog',
  imports: [Modal, MemberFields, FormErrors],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-modal [title]="i18n.t('members.invite')" testId="invite-member" (closed)="closed.emit()">
      <form class="space-y-4" (submit)="submit($event)" novalidate>
        <div>
          <label class="label" for="member-email">{{ i18n.t('common.email') }}</label>
          <input id="member-email" type="email" class="input" [value]="email()" (input)="email.set(value($event))" />
        </div>
        <app-member-fields [actor]="actor" [draft]="draft()" [teams]="teams()" (changed)="draft.set($event)" />
        <p class="text-xs text-muted">{{ i18n.t('members.inviteHelp') }}</p>
        <app-form-errors [messages]="messages()" />
        <div class="flex justify-end gap-2">
          <button type="button" class="btn-ghost" (click)="closed.emit()">{{ i18n.t('common.cancel') }}</button>
          <button type="submit" class="btn-primary" [disabled]="busy()" data-testid="invite-submit">{{ i18n.t('members.sendInvite') }}</button>
        </div>
      </form>
    </app-modal>
  `,
})
export class InviteMemberDialog {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(UsersApi);
  readonly teams = input<TeamView[]>([]);
  readonly closed = output<void>();
  readonly invited = output<UserView>();
  protected readonly actor = Role.Admin;
  protected readonly value = inputValue;
  protected readonly email = signal('');
  protected readonly draft = signal<MemberDraft>({ fullName: '', phone: '', avatarUrl: '', role: Role.Agent, teamId: '' });
  protected readonly busy = signal(false);
  private readonly submitted = signal(false);
  private readonly serverErrors = signal<string[]>([]);
  protected readonly messages = computed(() => [
    ...(this.submitted() ? inviteErrors({ ...this.draft(), email: this.email() }).map((key) => this.i18n.t(key)) : []),
    ...this.serverErrors(),
  ]);

  protected submit(event: Event): void {
    event.preventDefault();
    this.submitted.set(true);
    this.serverErrors.set([]);
    const draft = this.draft();
    if (inviteErrors({ ...draft, email: this.email() }).length > 0 || this.busy()) return;
    this.busy.set(true);
    this.api
      .invite({
        email: this.email().trim(),
        fullName: draft.fullName.trim(),
        role: draft.role,
        teamId: draft.teamId || null,
        phone: draft.phone.trim() || null,
      })
      .subscribe({
        next: (user) => this.invited.emit(user),
        error: (error: unknown) => {
          this.busy.set(false);
          this.serverErrors.set(errorsOf(error, this.i18n));
        },
      });
  }
}

/** Edit one member: what the signed-in role allows, plus deactivate/reactivate for admins. */
@Component({
  selector: 'app-edit-member-dialog',
  imports: [Modal, MemberFields, FormErrors, Confirm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-modal [title]="member().fullName" testId="edit-member" (closed)="closed.emit()">
      <form class="space-y-4" (submit)="submit($event)" novalidate>
        <p class="text-sm text-muted">
          {{ member().email }} ·
          @if (member().isActive) {
            {{
              member().lastLoginAt
                ? i18n.t('members.lastLogin', { at: dateTime(member().lastLoginAt!) })
                : i18n.t(member().hasPassword ? 'members.neverSignedIn' : 'members.invited')
            }}
          } @else {
            <span class="text-negative">{{ i18n.t('members.inactive') }}</span>
          }
        </p>
        <app-member-fields [actor]="actor()" [draft]="draft()" [teams]="teams()" (changed)="draft.set($event)" />
        <app-form-errors [messages]="messages()" />
        @if (saved()) {
          <p class="text-sm text-positive" role="status">{{ i18n.t('common.saved') }}</p>
        }
        <div class="flex flex-wrap items-center justify-between gap-2">
          <div>
            @if (statusAllowed()) {
              @if (member().isActive) {
                <button type="button" class="btn-ghost text-negative" (click)="confirming.set(true)" data-testid="deactivate">
                  {{ i18n.t('members.deactivate') }}
                </button>
              } @else {
                <button type="button" class="btn-outline" (click)="confirming.set(true)" data-testid="reactivate">{{ i18n.t('members.reactivate') }}</button>
              }
            }
          </div>
          <div class="flex gap-2">
            <button type="button" class="btn-ghost" (click)="closed.emit()">{{ i18n.t('common.close') }}</button>
            <button type="submit" class="btn-primary" [disabled]="busy()" data-testid="member-save">{{ i18n.t('common.save') }}</button>
          </div>
        </div>
      </form>
    </app-modal>
    @if (confirming()) {
      <app-confirm
        [title]="i18n.t(member().isActive ? 'members.deactivate' : 'members.reactivate')"
        [message]="i18n.t(member().isActive ? 'members.deactivateConfirm' : 'members.reactivateConfirm', { name: member().fullName })"
        [action]="i18n.t(member().isActive ? 'members.deactivate' : 'members.reactivate')"
        [danger]="member().isActive"
        [busy]="busy()"
        (confirmed)="toggleActive()"
        (cancelled)="confirming.set(false)"
      />
    }
  `,
})
export class EditMemberDialog implements OnInit {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(UsersApi);
  readonly member = input.required<UserView>();
  readonly actor = input.required<Role>();
  readonly selfId = input.required<string>();
  readonly teams = input<TeamView[]>([]);
  readonly closed = output<void>();
  readonly updated = output<UserView>();
  protected readonly dateTime = formatDateTime;
  protected readonly draft = signal<MemberDraft>({ fullName: '', phone: '', avatarUrl: '', role: Role.Agent, teamId: '' });
  protected readonly busy = signal(false);
  protected readonly saved = signal(false);
  protected readonly confirming = signal(false);
  private readonly submitted = signal(false);
  private readonly serverErrors = signal<string[]>([]);
  protected readonly statusAllowed = computed(() => canChangeStatus(this.actor(), this.member(), this.selfId()));
  protected readonly messages = computed(() => [
    ...(this.submitted() ? profileErrors(this.draft()).map((key) => this.i18n.t(key)) : []),
    ...this.serverErrors(),
  ]);

  ngOnInit(): void {
    this.draft.set(draftOf(this.member()));
  }

  protected submit(event: Event): void {
    event.preventDefault();
    this.submitted.set(true);
    this.serverErrors.set([]);
    this.saved.set(false);
    if (profileErrors(this.draft()).length > 0 || this.busy()) return;
    const changes = memberChanges(this.actor(), this.member(), this.draft());
    if (Object.keys(changes).length === 0) return this.saved.set(true);
    this.busy.set(true);
    this.api.update(this.member().id, changes).subscribe({
      next: (user) => this.done(user),
      error: (error: unknown) => this.failed(error),
    });
  }

  protected toggleActive(): void {
    const member = this.member();
    this.busy.set(true);
    const request = member.isActive
      ? this.api.deactivate(member.id).pipe(map((): UserView => ({ ...member, isActive: false })))
      : this.api.update(member.id, { isActive: true });
    request.subscribe({
      next: (user) => {
        this.confirming.set(false);
        this.done(user);
      },
      error: (error: unknown) => {
        this.confirming.set(false);
        this.failed(error);
      },
    });
  }

  private done(user: UserView): void {
    this.busy.set(false);
    this.saved.set(true);
    this.updated.emit(user);
  }

  private failed(error: unknown): void {
    this.busy.set(false);
    this.serverErrors.set(errorsOf(error, this.i18n));
  }
}
