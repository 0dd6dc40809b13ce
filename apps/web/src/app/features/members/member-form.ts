import { ChangeDetectionStrategy, Component, computed, inject, input, type WritableSignal } from '@angular/core';
import { disabled, form, FormField, type FieldTree } from '@angular/forms/signals';
import { Role, TENANT_ROLES, type TeamView } from '@fasto/contracts';
import { Field, FieldControl, SelectOptions } from '@fasto/ui';
import { I18n } from '../../core/i18n/i18n.service';
import { editableFields, type MemberDraft, type MemberField } from './member-rules';

const MEMBER_FIELDS: readonly MemberField[] = ['fullName', 'phone', 'avatarUrl', 'role', 'teamId'];

/** A member draft as a signal form: the fields this actor may not change are disabled. Call it in an injection context. */
export function memberForm(draft: WritableSignal<MemberDraft>, actor: () => Role): FieldTree<MemberDraft> {
  return form(draft, (path) => {
    for (const field of MEMBER_FIELDS) disabled(path[field], () => !editableFields(actor()).has(field));
  });
}

/** The member fields as inputs (their problems are the enclosing form's); the ones this actor may not change are shown read-only with the reason. */
@Component({
  selector: 'app-member-fields',
  imports: [FormField, Field, FieldControl, SelectOptions],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="space-y-4">
      <ui-field controlId="member-name" name="fullName" [label]="i18n.t('members.name')">
        <input uiControl class="input" [formField]="form().fullName" />
      </ui-field>
      <div class="grid gap-3 sm:grid-cols-2">
        <ui-field controlId="member-phone" name="phone" [label]="i18n.t('members.phone')">
          <input uiControl type="tel" class="input" [formField]="form().phone" />
        </ui-field>
        <ui-field controlId="member-avatar" name="avatarUrl" [label]="i18n.t('members.avatar')">
          <input uiControl type="url" class="input" placeholder="https://" [formField]="form().avatarUrl" />
        </ui-field>
      </div>
      <div class="grid gap-3 sm:grid-cols-2">
        <ui-field controlId="member-role" name="role" [label]="i18n.t('members.role')">
          <select uiControl class="input" [formField]="form().role" [uiOptions]="roles()" data-testid="member-role"></select>
        </ui-field>
        <ui-field controlId="member-team" name="teamId" [label]="i18n.t('common.team')">
          <select uiControl class="input" [formField]="form().teamId" [uiOptions]="teams()" [none]="i18n.t('common.none')" data-testid="member-team"></select>
        </ui-field>
      </div>
      @if (form().role().disabled()) {
        <p class="text-xs text-muted" data-testid="role-locked">{{ i18n.t('members.managerLimits') }}</p>
      }
    </div>
  `,
})
export class MemberFields {
  protected readonly i18n = inject(I18n);
  /** Made by `memberForm`, which disables what the actor may not change. */
  readonly form = input.required<FieldTree<MemberDraft>>();
  readonly teams = input<TeamView[]>([]);
  protected readonly roles = computed(() => TENANT_ROLES.map((role) => ({ id: role, name: this.i18n.t(`role.${role}`) })));
}
