import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { Role, TENANT_ROLES, type TeamView } from '@fasto/contracts';
import { I18n } from '../../core/i18n/i18n.service';
import { inputValue } from '../../shared/api-error';
import { editableFields, type MemberDraft, type MemberField } from './member-rules';

/** The member fields as inputs; the ones this actor may not change are shown read-only with the reason. */
@Component({
  selector: 'app-member-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="space-y-4">
      <div>
        <label class="label" for="member-name">{{ i18n.t('members.name') }}</label>
        <input id="member-name" class="input" [value]="draft().fullName" [disabled]="!can('fullName')" (input)="set('fullName', value($event))" />
      </div>
      <div class="grid gap-3 sm:grid-cols-2">
        <div>
          <label class="label" for="member-phone">{{ i18n.t('members.phone') }}</label>
          <input id="member-phone" type="tel" class="input" [value]="draft().phone" [disabled]="!can('phone')" (input)="set('phone', value($event))" />
        </div>
        <div>
          <label class="label" for="member-avatar">{{ i18n.t('members.avatar') }}</label>
          <input
            id="member-avatar"
            type="url"
            class="input"
            placeholder="https://"
            [value]="draft().avatarUrl"
            [disabled]="!can('avatarUrl')"
            (input)="set('avatarUrl', value($event))"
          />
        </div>
      </div>
      <div class="grid gap-3 sm:grid-cols-2">
        <div>
          <label class="label" for="member-role">{{ i18n.t('members.role') }}</label>
          <select id="member-role" class="input" [disabled]="!can('role')" (change)="set('role', value($event))" data-testid="member-role">
            @for (role of roles; track role) {
              <option [value]="role" [selected]="draft().role === role">{{ i18n.t(roleKey(role)) }}</option>
            }
          </select>
        </div>
        <div>
          <label class="label" for="member-team">{{ i18n.t('common.team') }}</label>
          <select id="member-team" class="input" [disabled]="!can('teamId')" (change)="set('teamId', value($event))" data-testid="member-team">
            <option value="" [selected]="!draft().teamId">{{ i18n.t('common.none') }}</option>
            @for (team of teams(); track team.id) {
              <option [value]="team.id" [selected]="draft().teamId === team.id">{{ team.name }}</option>
            }
          </select>
        </div>
      </div>
      @if (!can('role')) {
        <p class="text-xs text-muted" data-testid="role-locked">{{ i18n.t('members.managerLimits') }}</p>
      }
    </div>
  `,
})
export class MemberFields {
  protected readonly i18n = inject(I18n);
  readonly actor = input.required<Role>();
  readonly draft = input.required<MemberDraft>();
  readonly teams = input<TeamView[]>([]);
  readonly changed = output<MemberDraft>();
  protected readonly roles = TENANT_ROLES;
  protected readonly value = inputValue;
  private readonly allowed = computed(() => editableFields(this.actor()));
  protected readonly can = (field: MemberField) => this.allowed().has(field);
  protected readonly roleKey = (role: Role) => `role.${role}` as const;

  protected set(field: MemberField, value: string): void {
    this.changed.emit({ ...this.draft(), [field]: value });
  }
}

/** A list of messages under a form (client checks or the API's field errors). */
@Component({
  selector: 'app-form-errors',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (messages().length > 0) {
      <ul class="rounded-lg border border-red-500/30 bg-red-500/10 px-3 py-2 text-sm text-red-700 dark:text-red-300" role="alert" data-testid="form-errors">
        @for (message of messages(); track message) {
          <li>{{ message }}</li>
        }
      </ul>
    }
  `,
})
export class FormErrors {
  readonly messages = input<string[]>([]);
}
