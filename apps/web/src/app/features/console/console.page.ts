import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Router, RouterLink, type ParamMap } from '@angular/router';
import { TenantsApi } from '@fasto/api-client';
import { TenantStatus, type TenantDetail, type TenantSummary } from '@fasto/contracts';
import { DataCell, DataTable, FilterBar, KpiCard, PageHeader, keysetList, urlFilters, type DataColumn, type FilterField } from '@fasto/ui';
import { catchError, of } from 'rxjs';
import { formatInteger } from '../../core/format/format';
import { FormatPipe } from '../../core/format/format.pipe';
import { I18n } from '../../core/i18n/i18n.service';
import { NewButton } from '../../shared/new-button';
import { CreateTenantDialog } from './create-tenant.dialog';
import { planName, PlanNamePipe } from './tenant-plan';
import { TenantStatusBadge } from './tenant-status';

const PAGE_SIZE = 50;

/** Super admin home: cross-tenant totals and the tenants table. */
@Component({
  selector: 'app-console-page',
  imports: [NewButton, RouterLink, FilterBar, DataTable, DataCell, KpiCard, TenantStatusBadge, CreateTenantDialog, PageHeader, FormatPipe, PlanNamePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="space-y-5">
      <ui-page-header [title]="i18n.t('console.title')">
        <button appNewButton (click)="creating.set(true)" data-testid="new-tenant">{{ i18n.t('console.create') }}</button>
      </ui-page-header>

      <section class="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="overview">
        @for (card of cards(); track card.label) {
          <ui-kpi-card testId="overview-card" [label]="i18n.t(card.label)" [value]="card.value" [hint]="card.hint" />
        }
      </section>

      <ui-filter-bar [fields]="filterFields()" [values]="filters()" (changed)="query.set($event)" />

      <ui-data-table testId="tenant" [list]="list" [columns]="columns()" [texts]="texts()" [retryable]="true" [skeletonRows]="4">
        <ng-template uiCell="name" [uiCellOf]="list.items()" let-tenant>
          <a [routerLink]="['/console/tenants', tenant.id]" class="font-medium hover:text-gold-700 dark:hover:text-gold-400">{{ tenant.name }}</a>
          <p class="font-mono text-xs text-muted">{{ tenant.slug }}</p>
        </ng-template>
        <ng-template uiCell="status" [uiCellOf]="list.items()" let-tenant><app-tenant-status [status]="tenant.status" /></ng-template>
        <ng-template uiCell="plan" [uiCellOf]="list.items()" let-tenant>{{ tenant.plan | planName }}</ng-template>
        <ng-template uiCell="trialEnds" [uiCellOf]="list.items()" let-tenant>{{ tenant.trialEndsAt ? (tenant.trialEndsAt | format: 'day') : '—' }}</ng-template>
        <ng-template uiCell="users" [uiCellOf]="list.items()" let-tenant>{{ tenant.userCount | format: 'integer' }}</ng-template>
        <ng-template uiCell="attendances" [uiCellOf]="list.items()" let-tenant>{{ tenant.attendanceCount | format: 'integer' }}</ng-template>
        <ng-template uiCell="lastActivity" [uiCellOf]="list.items()" let-tenant>{{ tenant.lastActivityAt | format: 'dateTime' }}</ng-template>
      </ui-data-table>
    </div>

    @if (creating()) {
      <app-create-tenant-dialog (closed)="creating.set(false)" (created)="created($event)" />
    }
  `,
})
export class ConsolePage {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(TenantsApi);
  private readonly router = inject(Router);
  protected readonly statusKey = (status: TenantStatus) => `tenant.status.${status}` as const;

  protected readonly query = urlFilters(tenantFiltersFromParams);
  protected readonly filters = this.query.value;
  protected readonly list = keysetList({
    filters: this.filters,
    fetch: (filters: TenantFilters, cursor) => this.api.list({ ...filters, cursor, limit: PAGE_SIZE }),
  });
  protected readonly overview = toSignal(this.api.overview().pipe(catchError(() => of(null))), { initialValue: null });
  protected readonly creating = signal(false);

  protected readonly filterFields = computed((): FilterField[] => [
    { kind: 'search', key: 'q', id: 'tenant-q', label: this.i18n.t('console.search') },
    {
      kind: 'select',
      key: 'status',
      id: 'tenant-status',
      label: this.i18n.t('console.status'),
      allLabel: this.i18n.t('common.all'),
      options: Object.values(TenantStatus).map((status) => ({ value: status, label: this.i18n.t(this.statusKey(status)) })),
    },
  ]);
  protected readonly texts = computed(() => ({ empty: this.i18n.t('console.empty'), error: this.i18n.t('console.error') }));
  protected readonly columns = computed((): DataColumn<TenantSummary>[] => [
    { key: 'name', label: this.i18n.t('console.name'), sortValue: (tenant) => tenant.name },
    { key: 'status', label: this.i18n.t('console.status'), sortValue: (tenant) => this.i18n.t(this.statusKey(tenant.status)) },
    { key: 'plan', label: this.i18n.t('console.plan'), from: 'md', sortValue: (tenant) => planName(this.i18n, tenant.plan) },
    { key: 'trialEnds', label: this.i18n.t('console.trialEnds'), from: 'lg', cellClass: 'text-muted tabular-nums', sortValue: (tenant) => tenant.trialEndsAt },
    { key: 'users', label: this.i18n.t('console.users'), from: 'sm', align: 'end', cellClass: 'tabular-nums', sortValue: (tenant) => tenant.userCount },
    {
      key: 'attendances',
      label: this.i18n.t('nav.attendances'),
      from: 'sm',
      align: 'end',
      cellClass: 'tabular-nums',
      sortValue: (tenant) => tenant.attendanceCount,
    },
    {
      key: 'lastActivity',
      label: this.i18n.t('console.lastActivity'),
      from: 'xl',
      cellClass: 'text-muted tabular-nums',
      sortValue: (tenant) => tenant.lastActivityAt,
    },
  ]);
  protected readonly cards = computed(() => {
    const o = this.overview();
    return [
      {
        label: 'console.card.tenants' as const,
        value: o ? formatInteger(o.tenants.total) : null,
        hint: o ? this.i18n.t('console.card.tenantsHint', { active: o.tenants.active, trial: o.tenants.trial }) : null,
      },
      {
        label: 'console.card.users' as const,
        value: o ? formatInteger(o.users.total) : null,
        hint: o
          ? this.i18n.t(o.users.invited > 0 ? 'console.card.usersInvitedHint' : 'console.card.usersHint', {
              n: o.users.active,
              p: o.users.invited,
            })
          : null,
      },
      {
        label: 'console.card.attendances' as const,
        value: o ? formatInteger(o.attendances.total) : null,
        hint: o ? this.i18n.t('console.card.attendancesHint', { n: formatInteger(o.attendances.last30Days) }) : null,
      },
      { label: 'console.card.converted' as const, value: o ? formatInteger(o.attendances.converted30Days) : null, hint: this.i18n.t('console.card.last30') },
    ];
  });

  protected created(tenant: TenantDetail): void {
    this.creating.set(false);
    void this.router.navigate(['/console/tenants', tenant.id]);
  }
}

type TenantFilters = { q?: string; status?: TenantStatus };

/** The filters of the tenants list, from the query string. */
export function tenantFiltersFromParams(params: ParamMap): TenantFilters {
  const status = params.get('status');
  return {
    q: params.get('q') || undefined,
    status: status && (Object.values(TenantStatus) as string[]).includes(status) ? (status as TenantStatus) : undefined,
  };
}
