import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { form, FormField, MAX_LENGTH, metadata } from '@angular/forms/signals';
import { Router, RouterLink } from '@angular/router';
import { AuthSession, TenantsApi, type TenantTransition } from '@fasto/api-client';
import { isTenantPlan, TENANT_PLANS, TenantStatus, type ApiKeyView, type CreatedApiKey, type TenantDetail } from '@fasto/contracts';
import { tap, type Observable, type Subscription } from 'rxjs';
import { formatDay, formatInteger } from '../../core/format/format';
import { FormatPipe } from '../../core/format/format.pipe';
import { I18n } from '../../core/i18n/i18n.service';
import { PendingAction } from '../../shared/pending-action';
import { RevokeAction, type RevokeWords } from '../../shared/revoke-action';
import { SaveRow } from '../../shared/save-row';
import { SecretReveal } from '../../shared/secret-reveal';
import { whenChanged } from '../../shared/when-changed';
import {
  ConfirmButton,
  DataCell,
  DataRowCard,
  DataTable,
  Dialog,
  Field,
  FieldControl,
  FormActions,
  LoadState,
  PageHeader,
  SectionHeader,
  keysetList,
  type DataColumn,
} from '@fasto/ui';
import { planName, PlanNamePipe } from './tenant-plan';
import { TenantStatusBadge } from './tenant-status';

/** `plan` is empty while the tenant keeps a plan stored before the list existed; `trialEnd` is `YYYY-MM-DD`, empty clears it. */
interface PlanDraft {
  plan: string;
  trialEnd: string;
}

/** Which lifecycle moves a status allows (the API enforces the same). */
export function transitionsFor(status: TenantStatus): TenantTransition[] {
  switch (status) {
    case TenantStatus.Trial:
      return ['reactivate', 'suspend', 'cancel'];
    case TenantStatus.Active:
      return ['suspend', 'cancel'];
    case TenantStatus.Suspended:
      return ['reactivate', 'cancel'];
    case TenantStatus.Cancelled:
      return ['reactivate'];
  }
}

/** One tenant: usage, lifecycle, API keys and "act as its admin". */
@Component({
  selector: 'app-tenant-page',
  imports: [
    FormField,
    RouterLink,
    SaveRow,
    RevokeAction,
    SecretReveal,
    TenantStatusBadge,
    DataTable,
    DataCell,
    DataRowCard,
    Dialog,
    ConfirmButton,
    FormActions,
    LoadState,
    Field,
    FieldControl,
    PageHeader,
    SectionHeader,
    FormatPipe,
    PlanNamePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="space-y-5">
      <a routerLink="/console" class="inline-flex items-center gap-1 text-sm text-muted hover:text-gold-700 dark:hover:text-gold-400"
        >← {{ i18n.t('console.back') }}</a
      >
      @if (tenant(); as t) {
        <ui-page-header [title]="t.name" [help]="t.slug" data-testid="tenant-title">
          <app-tenant-status uiTitleBadge [status]="t.status" />
          @if (canImpersonate()) {
            <button
              class="btn-primary"
              [disabled]="busy()"
              data-testid="impersonate"
              [uiConfirm]="i18n.t('console.impersonateConfirm', { name: t.name })"
              [danger]="false"
              [run]="() => impersonate()"
            >
              {{ i18n.t('console.impersonate') }}
            </button>
          }
          @for (action of transitions(); track action) {
            <button
              class="btn-outline"
              [attr.data-testid]="'tenant-' + action"
              [uiConfirm]="i18n.t(confirmKey(action), { name: t.name })"
              [danger]="action !== 'reactivate'"
              [run]="() => transition(action)"
            >
              {{ i18n.t(actionKey(action)) }}
            </button>
          }
        </ui-page-header>
        @if (error(); as message) {
          <p class="rounded-lg border border-red-500/30 bg-red-500/10 px-3 py-2 text-sm text-red-700 dark:text-red-300" role="alert">{{ message }}</p>
        }

        <section class="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="tenant-facts">
          @for (fact of facts(); track fact.label) {
            <div class="card p-4">
              <p class="text-xs font-medium tracking-wide text-muted uppercase">{{ i18n.t(fact.label) }}</p>
              <p class="mt-1 truncate text-lg font-semibold tabular-nums">{{ fact.value }}</p>
            </div>
          }
        </section>

        <form class="card flex flex-wrap items-end gap-3 p-4" (submit)="savePlan($event)" data-testid="plan-form">
          <ui-field controlId="tenant-plan-edit" [label]="i18n.t('console.plan')">
            <select uiControl class="input" [formField]="planForm.plan" data-testid="tenant-plan-edit">
              @if (!planDraft().plan) {
                <option value="" disabled>{{ t.plan | planName }}</option>
              }
              @for (option of plans; track option) {
                <option [value]="option">{{ option | planName }}</option>
              }
            </select>
          </ui-field>
          <ui-field controlId="tenant-trial-edit" [label]="i18n.t('console.trialEnds')">
            <input uiControl type="date" class="input" [formField]="planForm.trialEnd" />
          </ui-field>
          <app-save-row [saved]="planSaved()" [disabled]="busy()" testId="plan-save" />
        </form>

        <section class="space-y-3" data-testid="api-keys">
          <ui-section-header [title]="i18n.t('keys.title')" [help]="i18n.t('keys.help')">
            <button type="button" class="btn-outline" (click)="newKeyOpen.set(true)" [disabled]="impersonating()" data-testid="new-key">
              {{ i18n.t('keys.create') }}
            </button>
          </ui-section-header>
          <ui-data-table testId="key" [list]="keys" [columns]="keyColumns()" [texts]="keyTexts()" [rowClass]="dimRevoked" [skeletonRows]="2">
            <ng-template uiCell="name" [uiCellOf]="keys.items()" let-key>{{ key.name }}</ng-template>
            <ng-template uiCell="prefix" [uiCellOf]="keys.items()" let-key>{{ key.prefix }}…</ng-template>
            <ng-template uiCell="created" [uiCellOf]="keys.items()" let-key>{{ key.createdAt | format: 'dateTime' }}</ng-template>
            <ng-template uiCell="lastUsed" [uiCellOf]="keys.items()" let-key>
              <span data-testid="key-last-used">{{ key.lastUsedAt ? (key.lastUsedAt | format: 'dateTime') : i18n.t('keys.never') }}</span>
            </ng-template>
            <ng-template uiCell="revoke" [uiCellOf]="keys.items()" let-key>
              <app-revoke-action [credential]="key" [words]="revokeWords" testId="revoke-key" [run]="() => revoke(key)" />
            </ng-template>
            <!-- On a phone a key reads as its name and prefix; when it was created and last used wait for a wider screen. -->
            <ng-template uiRowCard [uiRowCardOf]="keys.items()" let-key>
              <div class="flex items-center justify-between gap-3">
                <div class="min-w-0">
                  <p class="truncate font-medium">{{ key.name }}</p>
                  <p class="font-mono text-xs">{{ key.prefix }}…</p>
                </div>
                <app-revoke-action [credential]="key" [words]="revokeWords" testId="revoke-key" [run]="() => revoke(key)" />
              </div>
            </ng-template>
          </ui-data-table>
        </section>
      } @else {
        <ui-load-state [failed]="loadFailed()" [error]="i18n.t('console.notFound')" shape="detail" [retryable]="true" (retried)="load(id())" />
      }
    </div>

    @if (newKeyOpen()) {
      <ui-dialog [title]="i18n.t('keys.create')" testId="new-key-dialog" (closed)="closeNewKey()">
        @if (createdKey(); as created) {
          <app-secret-reveal [secret]="created.key" [warning]="i18n.t('keys.onceWarning')" [label]="i18n.t('keys.secret')" testId="created-key" />
          <div class="mt-5 flex justify-end">
            <button type="button" class="btn-primary" (click)="closeNewKey()">{{ i18n.t('keys.done') }}</button>
          </div>
        } @else {
          <form class="space-y-4" (submit)="createKey($event)">
            <ui-field controlId="key-name" [label]="i18n.t('keys.name')">
              <input uiControl class="input" [formField]="keyNameField" placeholder="n8n" />
            </ui-field>
            <ui-form-actions
              [submitLabel]="i18n.t('keys.create')"
              submitTestId="create-key-submit"
              [disabled]="busy() || !keyName().trim()"
              (cancelled)="closeNewKey()"
            />
          </form>
        }
      </ui-dialog>
    }
  `,
})
export class TenantPage {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(TenantsApi);
  private readonly session = inject(AuthSession);
  private readonly router = inject(Router);
  readonly id = input.required<string>();

  protected readonly tenant = signal<TenantDetail | null>(null);
  protected readonly loadFailed = signal(false);
  /** A tenant's keys come in one page (the API lists them all); the table follows the route's id. */
  protected readonly keys = keysetList({ filters: this.id, fetch: (id: string) => this.api.apiKeys(id) });
  protected readonly revokeWords: RevokeWords = {
    revoked: 'keys.revoked',
    revoke: 'keys.revoke',
    revokeOf: 'keys.revokeOf',
    revokeConfirm: 'keys.revokeConfirm',
  };
  protected readonly keyTexts = computed(() => ({ empty: this.i18n.t('keys.empty'), error: this.i18n.t('keys.error') }));
  protected readonly keyColumns = computed((): DataColumn<ApiKeyView>[] => [
    { key: 'name', label: this.i18n.t('keys.name'), cellClass: 'font-medium' },
    { key: 'prefix', label: this.i18n.t('keys.prefix'), cellClass: 'font-mono text-xs' },
    { key: 'created', label: this.i18n.t('keys.created'), from: 'sm', cellClass: 'text-muted tabular-nums' },
    { key: 'lastUsed', label: this.i18n.t('keys.lastUsed'), from: 'sm', cellClass: 'text-muted tabular-nums' },
    { key: 'revoke', label: this.i18n.t('keys.revoke'), labelHidden: true, align: 'end' },
  ]);
  protected readonly dimRevoked = (key: ApiKeyView) => (key.revokedAt ? 'opacity-50' : '');
  private readonly action = new PendingAction(this.i18n);
  protected readonly busy = this.action.busy;
  protected readonly error = this.action.error;
  protected readonly newKeyOpen = signal(false);
  protected readonly keyName = signal('');
  /** The 80-character cap reaches the input as its attribute (the API keeps the same limit). */
  protected readonly keyNameField = form(this.keyName, (path) => void metadata(path, MAX_LENGTH, () => 80));
  protected readonly createdKey = signal<CreatedApiKey | null>(null);
  protected readonly plans = TENANT_PLANS;
  protected readonly planDraft = signal<PlanDraft>({ plan: '', trialEnd: '' });
  protected readonly planForm = form(this.planDraft);
  /** The draft as last saved: "saved" shows until the next edit makes a new draft. */
  private readonly savedPlanDraft = signal<PlanDraft | null>(null);
  protected readonly planSaved = computed(() => this.savedPlanDraft() === this.planDraft());
  protected readonly impersonating = computed(() => this.session.impersonator() !== null);

  protected readonly transitions = computed(() => {
    const tenant = this.tenant();
    return tenant ? transitionsFor(tenant.status) : [];
  });
  protected readonly canImpersonate = computed(() => {
    const status = this.tenant()?.status;
    return !this.impersonating() && (status === TenantStatus.Trial || status === TenantStatus.Active);
  });
  protected readonly facts = computed(() => {
    const t = this.tenant();
    if (!t) return [];
    return [
      { label: 'console.plan' as const, value: planName(this.i18n, t.plan) },
      { label: 'console.trialEnds' as const, value: t.trialEndsAt ? formatDay(t.trialEndsAt) : '—' },
      {
        label: 'console.users' as const,
        value:
          t.invitedUserCount > 0
            ? this.i18n.t('console.usersWithInvited', { n: formatInteger(t.userCount), p: t.invitedUserCount })
            : formatInteger(t.userCount),
      },
      { label: 'nav.attendances' as const, value: formatInteger(t.attendanceCount) },
    ];
  });

  protected readonly actionKey = (action: TenantTransition) => `console.action.${action}` as const;
  protected readonly confirmKey = (action: TenantTransition) => `console.confirm.${action}` as const;

  constructor() {
    whenChanged(this.id, (id) => this.load(id));
  }

  protected load(id: string): Subscription {
    this.tenant.set(null);
    this.loadFailed.set(false);
    return this.api.get(id).subscribe({ next: (tenant) => this.show(tenant), error: () => this.loadFailed.set(true) });
  }

  private show(tenant: TenantDetail): void {
    this.tenant.set(tenant);
    this.planDraft.set({ plan: isTenantPlan(tenant.plan) ? tenant.plan : '', trialEnd: tenant.trialEndsAt ? tenant.trialEndsAt.slice(0, 10) : '' });
  }

  /**
   * The trial ends at the end of the chosen day (UTC), so "until the 30th" includes the 30th. A plan
   * stored before the list existed is kept unless another is picked (the API takes listed plans only).
   */
  protected savePlan(event: Event): void {
    event.preventDefault();
    const draft = this.planDraft();
    const trialEndsAt = draft.trialEnd ? `${draft.trialEnd}T23:59:59.000Z` : null;
    const plan = draft.plan;
    this.run(this.api.update(this.id(), { ...(isTenantPlan(plan) ? { plan } : {}), trialEndsAt }), (tenant) => {
      this.tenant.update((old) => (old ? { ...old, ...tenant } : tenant));
      this.savedPlanDraft.set(draft);
    });
  }

  protected transition(action: TenantTransition): Observable<unknown> {
    return this.api.transition(this.id(), action).pipe(tap((tenant) => this.tenant.update((old) => (old ? { ...old, ...tenant } : tenant))));
  }

  protected createKey(event: Event): void {
    event.preventDefault();
    this.run(this.api.createApiKey(this.id(), this.keyName().trim()), (created) => {
      this.createdKey.set(created);
      this.keys.update((keys) => [
        { id: created.id, name: created.name, prefix: created.prefix, createdAt: created.createdAt, createdBy: null, lastUsedAt: null, revokedAt: null },
        ...keys,
      ]);
    });
  }

  protected closeNewKey(): void {
    this.newKeyOpen.set(false);
    this.createdKey.set(null);
    this.keyName.set('');
  }

  protected revoke(key: ApiKeyView): Observable<unknown> {
    return this.api
      .revokeApiKey(this.id(), key.id)
      .pipe(tap(() => this.keys.update((keys) => keys.map((k) => (k.id === key.id ? { ...k, revokedAt: new Date().toISOString() } : k)))));
  }

  /**
   * Acting as the tenant's admin is audited under the super admin's name (hence the confirmation): the app
   * switches to the tenant admin's view; the shell's banner brings the super admin back.
   */
  protected impersonate(): Observable<unknown> {
    return this.api.impersonate(this.id()).pipe(
      tap((response) => {
        this.session.start(response);
        void this.router.navigateByUrl('/dashboard');
      }),
    );
  }

  private run<T>(request: Observable<T>, done: (value: T) => void): void {
    if (this.busy()) return;
    this.action.run(request, done);
  }
}
