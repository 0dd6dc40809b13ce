import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal, type OnInit } from '@angular/core';
import { form, FormField } from '@angular/forms/signals';
import { UsersApi } from '@fasto/api-client';
import { Role, type TeamView, type UserView } from '@fasto/contracts';
import { ConfirmButton, Field, FieldControl, FormDialog, type FormProblem } from '@fasto/ui';
import { map, tap, type Observable } from 'rxjs';
import { FormatPipe } from '../../core/format/format.pipe';
import { I18n } from '../../core/i18n/i18n.service';
import { httpStatus } from '../../shared/api-error';
import { formCheck } from '../../shared/form-problems';
import { MemberFields, memberForm } from './member-form';
import { canChangeStatus, draftOf, inviteErrors, memberChanges, profileErrors, type MemberDraft } from './member-rules';

function problemsOf(error: unknown, i18n: I18n): FormProblem[] {
  const status = httpStatus(error);
  if (status === 409) return [{ field: 'email', message: i18n.t('members.err.emailTaken') }];
  if (status === 422) return [{ field: 'email', message: i18n.t('members.err.emailUnavailable') }];
  if (status === 429) return [{ field: null, message: i18n.t('members.err.tooManyInvites') }];
  return i18n.problems(error);
}

/** Admins add a member; the API emails them the invitation link. */
@Component({
  selector: 'app-invite-member-dialog',
  imports: [FormField, FormDialog, Field, FieldControl, MemberFields],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ui-form-dialog [title]="i18n.t('members.invite')" testId="invite-member" [check]="check" [busy]="busy()" (submitted)="submit()" (closed)="closed.emit()">
      <ui-field controlId="member-email" name="email" [label]="i18n.t('common.email')">
        <input uiControl type="email" class="input" [formField]="emailForm" />
      </ui-field>
      <app-member-fields [form]="form" [teams]="teams()" />
      <p class="text-xs text-muted">{{ i18n.t('members.inviteHelp') }}</p>
      <span uiFormSubmit>{{ i18n.t('members.sendInvite') }}</span>
    </ui-form-dialog>
  `,
})
export class InviteMemberDialog {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(UsersApi);
  readonly teams = input<TeamView[]>([]);
  readonly closed = output<void>();
  readonly invited = output<UserView>();
  protected readonly actor = Role.Admin;
  protected readonly email = signal('');
  protected readonly emailForm = form(this.email);
  protected readonly draft = signal<MemberDraft>({ fullName: '', phone: '', avatarUrl: '', role: Role.Agent, teamId: '' });
  protected readonly form = memberForm(this.draft, () => this.actor);
  protected readonly busy = signal(false);
  protected readonly check = formCheck(this.i18n, () => inviteErrors({ ...this.draft(), email: this.email() }));

  protected submit(): void {
    const draft = this.draft();
    if (!this.check.submit() || this.busy()) return;
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
          this.check.server.set(problemsOf(error, this.i18n));
        },
      });
  }
}

/** Edit one member: what the signed-in role allows, plus deactivate/reactivate for admins. */
@Component({
  selector: 'app-edit-member-dialog',
  imports: [FormDialog, MemberFields, ConfirmButton, FormatPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ui-form-dialog [title]="member().fullName" testId="edit-member" [check]="check" [busy]="busy()" (submitted)="submit()" (closed)="closed.emit()">
      <p class="text-sm text-muted">
        {{ member().email }} ·
        @if (member().isActive) {
          {{
            member().lastLoginAt
              ? i18n.t('members.lastLogin', { at: (member().lastLoginAt! | format: 'dateTime') })
              : i18n.t(member().hasPassword ? 'members.neverSignedIn' : 'members.invited')
          }}
        } @else {
          <span class="text-negative">{{ i18n.t('members.inactive') }}</span>
        }
      </p>
      <app-member-fields [form]="form" [teams]="teams()" />
      @if (saved()) {
        <p class="text-sm text-positive" role="status">{{ i18n.t('common.saved') }}</p>
      }
      <span uiFormCancel>{{ i18n.t('common.close') }}</span>
      @if (statusAllowed()) {
        <button
          uiFormExtra
          [class]="member().isActive ? 'btn-ghost text-negative' : 'btn-outline'"
          [attr.data-testid]="member().isActive ? 'deactivate' : 'reactivate'"
          [uiConfirm]="i18n.t(member().isActive ? 'members.deactivateConfirm' : 'members.reactivateConfirm', { name: member().fullName })"
          [danger]="member().isActive"
          [run]="() => toggleActive()"
        >
          {{ i18n.t(member().isActive ? 'members.deactivate' : 'members.reactivate') }}
        </button>
      }
    </ui-form-dialog>
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
  protected readonly draft = signal<MemberDraft>({ fullName: '', phone: '', avatarUrl: '', role: Role.Agent, teamId: '' });
  protected readonly form = memberForm(this.draft, this.actor);
  protected readonly busy = signal(false);
  protected readonly saved = signal(false);
  protected readonly check = formCheck(this.i18n, () => profileErrors(this.draft()));
  protected readonly statusAllowed = computed(() => canChangeStatus(this.actor(), this.member(), this.selfId()));

  ngOnInit(): void {
    this.draft.set(draftOf(this.member()));
  }

  protected submit(): void {
    this.saved.set(false);
    if (!this.check.submit() || this.busy()) return;
    const changes = memberChanges(this.actor(), this.member(), this.draft());
    if (Object.keys(changes).length === 0) return this.saved.set(true);
    this.busy.set(true);
    this.api.update(this.member().id, changes).subscribe({
      next: (user) => this.done(user),
      error: (error: unknown) => this.failed(error),
    });
  }

  protected toggleActive(): Observable<UserView> {
    const member = this.member();
    const request = member.isActive
      ? this.api.deactivate(member.id).pipe(map((): UserView => ({ ...member, isActive: false })))
      : this.api.update(member.id, { isActive: true });
    return request.pipe(tap((user) => this.done(user)));
  }

  private done(user: UserView): void {
    this.busy.set(false);
    this.saved.set(true);
    this.updated.emit(user);
  }

  private failed(error: unknown): void {
    this.busy.set(false);
    this.check.server.set(problemsOf(error, this.i18n));
  }
}
