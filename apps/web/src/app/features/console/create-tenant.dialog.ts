import { ChangeDetectionStrategy, Component, computed, inject, output, signal } from '@angular/core';
import { TenantsApi } from '@fasto/api-client';
import { DEFAULT_TENANT_PLAN, TENANT_PLANS, type TenantDetail } from '@fasto/contracts';
import { form, FormField, MAX, metadata, MIN, REQUIRED } from '@angular/forms/signals';
import { Field, FieldControl, FormDialog, SelectOptions } from '@fasto/ui';
import { I18n } from '../../core/i18n/i18n.service';
import { formCheck } from '../../shared/form-problems';
import { planName } from './tenant-plan';
import { slugify, tenantDraftErrors, toCreateTenantRequest, type TenantDraft } from './tenant-form';

/** New tenant in trial plus its first admin, who gets an invitation email. */
@Component({
  selector: 'app-create-tenant-dialog',
  imports: [FormField, FormDialog, Field, FieldControl, SelectOptions],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ui-form-dialog [title]="i18n.t('console.create')" testId="create-tenant" [check]="check" [busy]="busy()" (submitted)="submit()" (closed)="closed.emit()">
      <ui-field controlId="tenant-name" name="name" [label]="i18n.t('console.name')">
        <input #name uiControl class="input" [formField]="form.name" (input)="suggestSlug(name.value)" />
      </ui-field>
      <ui-field controlId="tenant-slug" name="slug" [label]="i18n.t('console.slug')">
        <input uiControl class="input font-mono" [formField]="form.slug" />
      </ui-field>
      <div class="grid grid-cols-2 gap-3">
        <ui-field controlId="tenant-plan" name="plan" [label]="i18n.t('console.plan')">
          <select uiControl class="input" [formField]="form.plan" [uiOptions]="plans()" data-testid="tenant-plan"></select>
        </ui-field>
        <ui-field controlId="tenant-trial" name="trialDays" [label]="i18n.t('console.trialDays')">
          <input uiControl type="number" class="input" [formField]="form.trialDays" />
        </ui-field>
      </div>
      <fieldset class="space-y-3 rounded-xl border border-zinc-200 p-3 dark:border-zinc-800">
        <legend class="px-1 text-xs font-medium text-muted">{{ i18n.t('console.firstAdmin') }}</legend>
        <ui-field controlId="tenant-admin-name" name="admin.fullName" [label]="i18n.t('console.fullName')">
          <input uiControl class="input" [formField]="form.adminName" />
        </ui-field>
        <ui-field controlId="tenant-admin-email" name="admin.email" [label]="i18n.t('common.email')">
          <input uiControl type="email" class="input" [formField]="form.adminEmail" />
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
  protected readonly plans = computed(() => TENANT_PLANS.map((plan) => ({ id: plan, name: planName(this.i18n, plan) })));
  protected readonly draft = signal<TenantDraft>({ name: '', slug: '', plan: DEFAULT_TENANT_PLAN, trialDays: '14', adminName: '', adminEmail: '' });
  /** The browser's hints stay (required, 0–365 days); the rules themselves are formCheck's. */
  protected readonly form = form(this.draft, (path) => {
    for (const field of [path.name, path.slug, path.adminName, path.adminEmail]) metadata(field, REQUIRED, () => true);
    metadata(path.trialDays, MIN, () => 0);
    metadata(path.trialDays, MAX, () => 365);
  });
  protected readonly check = formCheck(this.i18n, () => tenantDraftErrors(this.draft()));
  protected readonly busy = signal(false);
  protected readonly submitLabel = computed(() => this.i18n.t(this.busy() ? 'common.loading' : 'console.create'));

  /** The slug follows the name until the user types one of their own. */
  protected suggestSlug(name: string): void {
    if (!this.form.slug().dirty()) this.form.slug().value.set(slugify(name));
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
