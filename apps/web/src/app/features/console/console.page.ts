import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { TenantsApi } from '@fasto/api-client';
import { TenantStatus, type TenantDetail, type TenantSummary, type TenantsOverview } from '@fasto/contracts';
import { catchError, of } from 'rxjs';
import { formatDateTime, formatDay, formatInteger } from '../../core/format/format';
import { I18n } from '../../core/i18n/i18n.service';
import { inputValue } from '../../shared/api-error';
import { Icon } from '../../shared/icon';
import { CreateTenantDialog } from './create-tenant.dialog';
import { TenantStatusBadge } from './tenant-status';

/** Super admin home: cross-tenant totals and the tenants table. */
@Component({
  selector: 'app-console-page',
  imports: [RouterLink, Icon, TenantStatusBadge, CreateTenantDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="space-y-5">
      <header class="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <h1 class="text-2xl font-semibold tracking-tight">{{ i18n.t('console.title') }}</h1>
        <button type="button" class="btn-primary" (click)="creating.set(true)" data-testid="new-tenant">{{ i18n.t('console.create') }}</button>
      </header>

      <section class="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="overview">
        @for (card of cards(); track card.label) {
          <div class="card relative overflow-hidden p-4 sm:p-5" data-testid="overview-card">
            <div class="absolute inset-x-0 top-0 h-px bg-gradient-to-r from-transparent via-gold-500/50 to-transparent"></div>
            <p class="text-xs font-medium tracking-wide text-muted uppercase">{{ i18n.t(card.label) }}</p>
            @if (overview()) {
              <p class="mt-2 text-xl font-semibold tracking-tight tabular-nums sm:text-3xl">{{ card.value }}</p>
              <p class="mt-1 text-xs text-muted">{{ card.hint }}</p>
            } @else {
              <div class="skeleton mt-3 h-7 w-20"></div>
              <div class="skeleton mt-2 h-3 w-28"></div>
            }
          </div>
        }
      </section>

      <section class="card flex flex-wrap items-end gap-3 p-4">
        <form class="min-w-56 flex-1" (submit)="search($event)" role="search">
          <label class="label" for="tenant-q">{{ i18n.t('console.search') }}</label>
          <div class="relative">
            <app-icon name="search" [size]="16" class="absolute top-2.5 left-3 text-zinc-400" />
            <input id="tenant-q" name="q" type="search" class="input pl-9" [value]="query()" />
          </div>
        </form>
        <div>
          <label class="label" for="tenant-status">{{ i18n.t('console.status') }}</label>
          <select id="tenant-status" class="input" (change)="status.set(value($event))">
            <option value="">{{ i18n.t('dash.all') }}</option>
            @for (option of statuses; track option) {
              <option [value]="option" [selected]="status() === option">{{ i18n.t(statusKey(option)) }}</option>
            }
          </select>
        </div>
      </section>

      <section class="card overflow-hidden">
        @switch (state()) {
          @case ('loading') {
            <div class="divide-y divide-zinc-100 dark:divide-zinc-900" aria-busy="true">
              @for (n of [1, 2, 3, 4]; track n) {
                <div class="flex items-center gap-4 px-4 py-4">
                  <div class="skeleton h-4 flex-1"></div>
                  <div class="skeleton h-4 w-20"></div>
                  <div class="skeleton h-4 w-24"></div>
                </div>
              }
            </div>
          }
          @case ('error') {
            <div class="p-10 text-center text-muted" role="alert">
              {{ i18n.t('console.error') }}
              <button type="button" class="btn-outline ml-2" (click)="load()">{{ i18n.t('common.retry') }}</button>
            </div>
          }
          @default {
            @if (tenants().length === 0) {
              <div class="p-10 text-center text-muted">{{ i18n.t('console.empty') }}</div>
            } @else {
              <div class="overflow-x-auto" tabindex="0">
                <table class="w-full text-sm" data-testid="tenants-table">
                  <thead>
                    <tr class="border-b border-zinc-200 text-left text-xs tracking-wide text-muted uppercase dark:border-zinc-800">
                      <th scope="col" class="px-4 py-3 font-medium">{{ i18n.t('console.name') }}</th>
                      <th scope="col" class="px-4 py-3 font-medium">{{ i18n.t('console.status') }}</th>
                      <th scope="col" class="hidden px-4 py-3 font-medium md:table-cell">{{ i18n.t('console.plan') }}</th>
                      <th scope="col" class="hidden px-4 py-3 font-medium lg:table-cell">{{ i18n.t('console.trialEnds') }}</th>
                      <th scope="col" class="hidden px-4 py-3 text-right font-medium sm:table-cell">{{ i18n.t('console.users') }}</th>
                      <th scope="col" class="hidden px-4 py-3 text-right font-medium sm:table-cell">{{ i18n.t('nav.attendances') }}</th>
                      <th scope="col" class="hidden px-4 py-3 font-medium xl:table-cell">{{ i18n.t('console.lastActivity') }}</th>
                    </tr>
                  </thead>
                  <tbody>
                    @for (tenant of tenants(); track tenant.id) {
                      <tr
                        class="border-b border-zinc-100 last:border-0 hover:bg-zinc-50 dark:border-zinc-900 dark:hover:bg-zinc-900/60"
                        data-testid="tenant-row"
                      >
                        <td class="px-4 py-3">
                          <a [routerLink]="['/console/tenants', tenant.id]" class="font-medium hover:text-gold-700 dark:hover:text-gold-400">{{
                            tenant.name
                          }}</a>
                          <p class="font-mono text-xs text-muted">{{ tenant.slug }}</p>
                        </td>
                        <td class="px-4 py-3"><app-tenant-status [status]="tenant.status" /></td>
                        <td class="hidden px-4 py-3 md:table-cell">{{ tenant.plan }}</td>
                        <td class="hidden px-4 py-3 text-muted tabular-nums lg:table-cell">{{ tenant.trialEndsAt ? day(tenant.trialEndsAt) : '—' }}</td>
                        <td class="hidden px-4 py-3 text-right tabular-nums sm:table-cell">{{ int(tenant.userCount) }}</td>
                        <td class="hidden px-4 py-3 text-right tabular-nums sm:table-cell">{{ int(tenant.attendanceCount) }}</td>
                        <td class="hidden px-4 py-3 text-muted tabular-nums xl:table-cell">
                          {{ tenant.lastActivityAt ? dateTime(tenant.lastActivityAt) : '—' }}
                        </td>
                      </tr>
                    }
                  </tbody>
                </table>
              </div>
              @if (nextCursor()) {
                <div class="border-t border-zinc-100 p-3 text-center dark:border-zinc-900">
                  <button type="button" class="btn-outline" (click)="more()">{{ i18n.t('att.loadMore') }}</button>
                </div>
              }
            }
          }
        }
      </section>
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
  protected readonly value = inputValue;
  protected readonly day = formatDay;
  protected readonly dateTime = formatDateTime;
  protected readonly int = formatInteger;
  protected readonly statuses = Object.values(TenantStatus);
  protected readonly statusKey = (status: TenantStatus) => `console.status.${status}` as const;

  protected readonly query = signal('');
  protected readonly status = signal('');
  protected readonly tenants = signal<TenantSummary[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly state = signal<'loading' | 'ready' | 'error'>('loading');
  protected readonly overview = signal<TenantsOverview | null>(null);
  protected readonly creating = signal(false);

  protected readonly cards = computed(() => {
    const o = this.overview();
    return [
      {
        label: 'console.card.tenants' as const,
        value: o ? this.int(o.tenants.total) : '',
        hint: o ? this.i18n.t('console.card.tenantsHint', { active: o.tenants.active, trial: o.tenants.trial }) : '',
      },
      {
        label: 'console.card.users' as const,
        value: o ? this.int(o.users.total) : '',
        hint: o
          ? this.i18n.t(o.users.invited > 0 ? 'console.card.usersInvitedHint' : 'console.card.usersHint', {
              n: this.int(o.users.active),
              p: this.int(o.users.invited),
            })
          : '',
      },
      {
        label: 'console.card.attendances' as const,
        value: o ? this.int(o.attendances.total) : '',
        hint: o ? this.i18n.t('console.card.attendancesHint', { n: this.int(o.attendances.last30Days) }) : '',
      },
      { label: 'console.card.converted' as const, value: o ? this.int(o.attendances.converted30Days) : '', hint: this.i18n.t('console.card.last30') },
    ];
  });

  constructor() {
    this.api
      .overview()
      .pipe(catchError(() => of(null)))
      .subscribe((overview) => this.overview.set(overview));
    effect(() => {
      this.query();
      this.status();
      untracked(() => this.load());
    });
  }

  protected load(cursor?: string): void {
    if (!cursor) this.state.set('loading');
    this.api.list({ q: this.query() || undefined, status: (this.status() || undefined) as TenantStatus | undefined, cursor, limit: 50 }).subscribe({
      next: (page) => {
        this.tenants.update((list) => (cursor ? [...list, ...page.items] : page.items));
        this.nextCursor.set(page.nextCursor);
        this.state.set('ready');
      },
      error: () => this.state.set('error'),
    });
  }

  protected more(): void {
    const cursor = this.nextCursor();
    if (cursor) this.load(cursor);
  }

  protected search(event: Event): void {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('q') as HTMLInputElement;
    this.query.set(input.value.trim());
  }

  protected created(tenant: TenantDetail): void {
    this.creating.set(false);
    void this.router.navigate(['/console/tenants', tenant.id]);
  }
}
