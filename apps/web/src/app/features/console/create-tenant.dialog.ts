import { ChangeDetectionStrategy, Component, computed, inject, output, signal } from '@angular/core';
import { TenantsApi } from '@fasto/api-client';
import { DEFAULT_TENANT_PLAN, TENANT_PLANS, type TenantDetail } from '@fasto/contracts';
import { I18n } from '../../core/i18n/i18n.service';
import { inputValue } from '../../shared/api-error';
import { Modal } from '../../shared/modal';
import { planName } from './tenant-plan';
import { slugify, tenantDraftErrors, toCreateTenantRequest, type TenantDraft } from './tenant-form';

/** New tenant in trial plus its first admin, who gets an invitation email. */
@Component({
  selector: 'app-create-tenant-dialog',
  imports: [Modal],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-modal [title]="i18n.t('console.create')" testId="create-tenant" (closed)="closed.emit()">
      <form class="space-y-4" (submit)="submit($event)" novalidate>
        <div>
          <label class="label" for="tenant-name">{{ i18n.t('console.name') }}</label>
          <input id="tenant-name" class="input" [value]="draft().name" (input)="setName(value($event))" required />
        </div>
        <div>
          <label class="label" for="tenant-slug">{{ i18n.t('console.slug') }}</label>
          <input id="tenant-slug" class="input font-mono" [value]="draft().slug" (input)="set('slug', value($event)); slugTouched = true" required />
        </div>
        <div class="grid grid-cols-2 gap-3">
          <div>
            <label class="label" for="tenant-plan">{{ i18n.t('console.plan') }}</label>
            <select id="tenant-plan" class="input" (change)="set('plan', value($event))" data-testid="tenant-plan">
              @for (plan of plans; track plan) {
                <option [value]="plan" [selected]="draft().plan === plan">{{ planName(i18n, plan) }}</option>
              }
            </select>
          </div>
          <div>
            <label class="label" for="tenant-trial">{{ i18n.t('console.trialDays') }}</label>
            <input id="tenant-trial" type="number" min="0" max="365" class="input" [value]="draft().trialDays" (input)="set('trialDays', value($event))" />
          </div>
        </div>
        <fieldset class="space-y-3 rounded-xl border border-zinc-200 p-3 dark:border-zinc-800">
          <legend class="px-1 text-xs font-medium text-muted">{{ i18n.t('console.firstAdmin') }}</legend>
          <div>
            <label class="label" for="tenant-admin-name">{{ i18n.t('console.fullName') }}</label>
            <input id="tenant-admin-name" class="input" [value]="draft().adminName" (input)="set('adminName', value($event))" required />
          </div>
          <div>
            <label class="label" for="tenant-admin-email">{{ i18n.t('common.email') }}</label>
            <input id="tenant-admin-email" type="email" class="input" [value]="draft().adminEmail" (input)="set('adminEmail', value($event))" required />
          </div>
          <p class="text-xs text-muted">{{ i18n.t('console.inviteHelp') }}</p>
        </fieldset>
        @if (showErrors() && errors().length > 0) {
          <ul class="list-inside list-disc text-sm text-negative" role="alert" data-testid="form-errors">
            @for (key of errors(); track key) {
              <li>{{ i18n.t(key) }}</li>
            }
          </ul>
        }
        @if (serverErrors().length > 0) {
          <ul class="rounded-lg border border-red-500/30 bg-red-500/10 px-3 py-2 text-sm text-red-700 dark:text-red-300" role="alert">
            @for (message of serverErrors(); track message) {
              <li>{{ message }}</li>
            }
          </ul>
        }
        <div class="flex justify-end gap-2">
          <button type="button" class="btn-ghost" (click)="closed.emit()">{{ i18n.t('common.cancel') }}</button>
          <button type="submit" class="btn-primary" [disabled]="busy()" data-testid="create-tenant-submit">
            {{ busy() ? i18n.t('common.loading') : i18n.t('console.create') }}
          </button>
        </div>
      </form>
    </app-modal>
  `,
})
export class CreateTenantDialog {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(TenantsApi);
  readonly closed = output<void>();
  readonly created = output<TenantDetail>();
  protected readonly value = inputValue;
  protected readonly plans = TENANT_PLANS;
  protected readonly planName = planName;
  protected readonly draft = signal<TenantDraft>({ name: '', slug: '', plan: DEFAULT_TENANT_PLAN, trialDays: '14', adminName: '', adminEmail: '' });
  protected readonly errors = computed(() => tenantDraftErrors(this.draft()));
  protected readonly showErrors = signal(false);
  protected readonly serverErrors = signal<string[]>([]);
  protected readonly busy = signal(false);
  protected slugTouched = false;

  protected set(key: keyof TenantDraft, value: string): void {
    this.draft.update((draft) => ({ ...draft, [key]: value }));
  }

  protected setName(name: string): void {
    this.draft.update((draft) => ({ ...draft, name, slug: this.slugTouched ? draft.slug : slugify(name) }));
  }

  protected submit(event: Event): void {
    event.preventDefault();
    this.showErrors.set(true);
    if (this.errors().length > 0 || this.busy()) return;
    this.busy.set(true);
    this.serverErrors.set([]);
    this.api.create(toCreateTenantRequest(this.draft())).subscribe({
      next: (tenant) => this.created.emit(tenant),
      error: (error: unknown) => {
        this.busy.set(false);
        this.serverErrors.set(this.i18n.errors(error));
      },
    });
  }
}
