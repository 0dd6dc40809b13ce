import { ChangeDetectionStrategy, Component, computed, inject, output, signal } from '@angular/core';
import { TenantsApi } from '@fasto/api-client';
import { DEFAULT_TENANT_PLAN, TENANT_PLANS, type TenantDetail } from '@fasto/contracts';
import { Field, FieldControl, FormDialog } from '@fasto/ui';
import { I18n } from '../../core/i18n/i18n.service';
import { inputValue } from '../../shared/api-error';
import { formCheck } from '../../shared/form-problems';
import { PlanNamePipe } from './tenant-plan';
import { slugify, tenantDraftErrors, toCreateTenantRequest, type TenantDraft } from './tenant-form';

/** New tenant in trial plus its first admin, who gets an invitation email. */
@Component({
  selector: 'app-create-tenant-dialog',
  imports: [FormDialog, Field, FieldControl, PlanNamePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ui-form-dialog [title]="i18n.t('console.create')" testId="create-tenant" [check]="check" [busy]="busy()" (submitted)="submit()" (closed)="closed.emit()">
      <ui-field controlId="tenant-name" name="name" [label]="i18n.t('console.name')">
        <input uiControl class="input" [value]="draft().name" (input)="setName(value($event))" required />
      </ui-field>
      <ui-field controlId="tenant-slug" name="slug" [label]="i18n.t('console.slug')">
        <input uiControl class="input font-mono" [value]="draft().slug" (input)="set('slug', value($event)); slugTouched = true" required />
      </ui-field>
      <div class="grid grid-cols-2 gap-3">
        <ui-field controlId="tenant-plan" name="plan" [label]="i18n.t('console.plan')">
          <select uiControl class="input" (change)="set('plan', value($event))" data-testid="tenant-plan">
            @for (plan of plans; track plan) {
              <option [value]="plan" [selected]="draft().plan === plan">{{ plan | planName }}</option>
            }
          </select>
        </ui-field>
        <ui-field controlId="tenant-trial" name="trialDays" [label]="i18n.t('console.trialDays')">
          <input uiControl type="number" min="0" max="365" class="input" [value]="draft().trialDays" (input)="set('trialDays', value($event))" />
        </ui-field>
      </div>
      <fieldset class="space-y-3 rounded-xl border border-zinc-200 p-3 dark:border-zinc-800">
        <legend class="px-1 text-xs font-medium text-muted">{{ i18n.t('console.firstAdmin') }}</legend>
        <ui-field controlId="tenant-admin-name" name="admin.fullName" [label]="i18n.t('console.fullName')">
          <input uiControl class="input" [value]="draft().adminName" (input)="set('adminName', value($event))" required />
        </ui-field>
        <ui-field controlId="tenant-admin-email" name="admin.email" [label]="i18n.t('common.email')">
          <input uiControl type="email" class="input" [value]="draft().adminEmail" (input)="set('adminEmail', value($event))" required />
        </ui-field>
        <p class="text-xs text-muted">{{ i18n.t('console.inviteHelp') }}</p>
      </fieldset>
      <span uiFormSubmit>{{ submitLabel() }}</span>
    </ui-form-dialog>
  `,
})
export class CreateTenantDialog {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(TenantsApi);
  readonly closed = output<void>();
  readonly created = output<TenantDetail>();
  protected readonly value = inputValue;
  protected readonly plans = TENANT_PLANS;
  protected readonly draft = signal<TenantDraft>({ name: '', slug: '', plan: DEFAULT_TENANT_PLAN, trialDays: '14', adminName: '', adminEmail: '' });
  protected readonly check = formCheck(this.i18n, () => tenantDraftErrors(this.draft()));
  protected readonly busy = signal(false);
  protected readonly submitLabel = computed(() => this.i18n.t(this.busy() ? 'common.loading' : 'console.create'));
  protected slugTouched = false;

  protected set(key: keyof TenantDraft, value: string): void {
    this.draft.update((draft) => ({ ...draft, [key]: value }));
  }

  protected setName(name: string): void {
    this.draft.update((draft) => ({ ...draft, name, slug: this.slugTouched ? draft.slug : slugify(name) }));
  }

  protected submit(): void {
    if (!this.check.submit() || this.busy()) return;
    this.busy.set(true);
    this.api.create(toCreateTenantRequest(this.draft())).subscribe({
      next: (tenant) => this.created.emit(tenant),
      error: (error: unknown) => {
        this.busy.set(false);
        this.check.server.set(this.i18n.problems(error));
      },
    });
  }
}
