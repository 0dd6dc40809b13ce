import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { Role, TENANT_ROLES, type TeamView } from '@fasto/contracts';
import { Field, FieldControl } from '@fasto/ui';
import { I18n } from '../../core/i18n/i18n.service';
import { inputValue } from '../../shared/api-error';
import { editableFields, type MemberDraft, type MemberField } from './member-rules';

/** The member fields as inputs (their problems are the enclosing form's); the ones this actor may not change are shown read-only with the reason. */
@Component({
  selector: 'app-member-fields',
  imports: [Field, FieldControl],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="space-y-4">
      <ui-field controlId="member-name" name="fullName" [label]="i18n.t('members.name')">
        <input uiControl class="input" [value]="draft().fullName" [disabled]="!can('fullName')" (input)="set('fullName', value($event))" />
      </ui-field>
      <div class="grid gap-3 sm:grid-cols-2">
        <ui-field controlId="member-phone" name="phone" [label]="i18n.t('members.phone')">
          <input uiControl type="tel" class="input" [value]="draft().phone" [disabled]="!can('phone')" (input)="set('phone', value($event))" />
        </ui-field>
        <ui-field controlId="member-avatar" name="avatarUrl" [label]="i18n.t('members.avatar')">
          <input
            uiControl
            type="url"
            class="input"
            placeholder="https://"
            [value]="draft().avatarUrl"
            [disabled]="!can('avatarUrl')"
            (input)="set('avatarUrl', value($event))"
          />
        </ui-field>
      </div>
      <div class="grid gap-3 sm:grid-cols-2">
        <ui-field controlId="member-role" name="role" [label]="i18n.t('members.role')">
          <select uiControl class="input" [disabled]="!can('role')" (change)="set('role', value($event))" data-testid="member-role">
            @for (role of roles; track role) {
              <option [value]="role" [selected]="draft().role === role">{{ i18n.t(roleKey(role)) }}</option>
            }
          </select>
        </ui-field>
        <ui-field controlId="member-team" name="teamId" [label]="i18n.t('common.team')">
          <select uiControl class="input" [disabled]="!can('teamId')" (change)="set('teamId', value($event))" data-testid="member-team">
            <option value="" [selected]="!draft().teamId">{{ i18n.t('common.none') }}</option>
            @for (team of teams(); track team.id) {
              <option [value]="team.id" [selected]="draft().teamId === team.id">{{ team.name }}</option>
            }
          </select>
        </ui-field>
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
