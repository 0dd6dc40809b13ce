import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import { AuditApi, AuthSession, TenantsApi, type AuditLogQuery } from '@fasto/api-client';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, Role, type AuditLogView } from '@fasto/contracts';
import { catchError, map, of } from 'rxjs';
import { formatDateTime } from '../../core/format/format';
import { auditActionText, auditEntityText } from '../../core/i18n/audit-text';
import { I18n } from '../../core/i18n/i18n.service';
import { inputValue } from '../../shared/api-error';
import { changeLines, referenceText } from './audit-changes';

/** Who changed what, newest first (admins: their tenant; super admins: every tenant or one). */
@Component({
  selector: 'app-audit-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="space-y-5">
      <h1 class="text-2xl font-semibold tracking-tight">{{ i18n.t('nav.audit') }}</h1>
      <section class="card flex flex-wrap items-end gap-3 p-4" data-testid="audit-filters">
        @if (isSuperAdmin()) {
          <div>
            <label class="label" for="audit-tenant">{{ i18n.t('audit.tenant') }}</label>
            <select id="audit-tenant" class="input" (change)="setFilter('tenantId', value($event))">
              <option value="">{{ i18n.t('dash.all') }}</option>
              @for (tenant of tenants(); track tenant.id) {
                <option [value]="tenant.id" [selected]="filters().tenantId === tenant.id">{{ tenant.name }}</option>
              }
            </select>
          </div>
        }
        <div>
          <label class="label" for="audit-entity">{{ i18n.t('audit.entity') }}</label>
          <select id="audit-entity" class="input" (change)="setFilter('entity', value($event))" data-testid="audit-entity">
            <option value="">{{ i18n.t('dash.all') }}</option>
            @for (entity of entities; track entity) {
              <option [value]="entity" [selected]="filters().entity === entity">{{ entityText(entity) }}</option>
            }
          </select>
        </div>
        <div class="min-w-48 flex-1">
          <label class="label" for="audit-action">{{ i18n.t('audit.action') }}</label>
          <select id="audit-action" class="input" (change)="setFilter('action', value($event))" data-testid="audit-action-filter">
            <option value="">{{ i18n.t('dash.all') }}</option>
            @for (action of actions; track action) {
              <option [value]="action" [selected]="filters().action === action">{{ actionOption(action) }}</option>
            }
          </select>
        </div>
        <div>
          <label class="label" for="audit-from">{{ i18n.t('dash.from') }}</label>
          <input id="audit-from" type="date" class="input" [value]="filters().from ?? ''" (change)="setFilter('from', value($event))" />
        </div>
        <div>
          <label class="label" for="audit-to">{{ i18n.t('dash.to') }}</label>
          <input id="audit-to" type="date" class="input" [value]="filters().to ?? ''" (change)="setFilter('to', value($event))" />
        </div>
      </section>

      <section class="card overflow-hidden">
        @switch (state()) {
          @case ('loading') {
            <div class="divide-y divide-zinc-100 dark:divide-zinc-900" aria-busy="true">
              @for (n of [1, 2, 3, 4, 5]; track n) {
                <div class="flex gap-4 px-4 py-4">
                  <div class="skeleton h-4 w-28"></div>
                  <div class="skeleton h-4 flex-1"></div>
                </div>
              }
            </div>
          }
          @case ('error') {
            <div class="p-10 text-center text-muted" role="alert">{{ i18n.t('audit.error') }}</div>
          }
          @default {
            @if (entries().length === 0) {
              <div class="p-10 text-center text-muted">{{ i18n.t('audit.empty') }}</div>
            } @else {
              <div class="overflow-x-auto" tabindex="0">
                <table class="w-full text-sm" data-testid="audit-table">
                  <thead>
                    <tr class="border-b border-zinc-200 text-left text-xs tracking-wide text-muted uppercase dark:border-zinc-800">
                      <th scope="col" class="px-4 py-3 font-medium">{{ i18n.t('att.date') }}</th>
                      <th scope="col" class="px-4 py-3 font-medium">{{ i18n.t('audit.actor') }}</th>
                      <th scope="col" class="px-4 py-3 font-medium">{{ i18n.t('audit.action') }}</th>
                      <th scope="col" class="px-4 py-3 font-medium">{{ i18n.t('audit.changes') }}</th>
                    </tr>
                  </thead>
                  <tbody>
                    @for (entry of entries(); track entry.id) {
                      <tr class="border-b border-zinc-100 align-top last:border-0 dark:border-zinc-900" data-testid="audit-row">
                        <td class="px-4 py-3 whitespace-nowrap text-muted tabular-nums">{{ dateTime(entry.createdAt) }}</td>
                        <td class="px-4 py-3" data-testid="audit-actor">
                          @if (entry.impersonatorId) {
                            {{ entry.impersonatorName ?? i18n.t('audit.unknownActor') }}
                            <span class="chip ml-1 border-gold-500/40 text-gold-700 dark:text-gold-300">{{ i18n.t('audit.staff') }}</span>
                            <p class="text-xs text-muted">{{ i18n.t('audit.actingAs', { name: entry.actorName ?? '—' }) }}</p>
                          } @else {
                            {{ actorText(entry) }}
                            @if (entry.actorIsSuperAdmin) {
                              <span class="chip ml-1 border-gold-500/40 text-gold-700 dark:text-gold-300">{{ i18n.t('audit.staff') }}</span>
                            }
                          }
                          <p class="text-xs text-muted">{{ entry.ip ?? '' }}</p>
                        </td>
                        <td class="px-4 py-3">
                          <p class="font-medium" data-testid="audit-action">{{ actionText(entry.action) }}</p>
                          <!-- A sign-in or a profile change is about its actor: naming the object would repeat them. -->
                          @if (entry.entityId !== entry.actorId) {
                            <p class="text-xs text-muted" data-testid="audit-object">
                              <span>{{ entityText(entry.entity) + (objectName(entry) ? ': ' : '') }}</span>
                              @if (objectName(entry); as name) {
                                <span class="text-zinc-800 dark:text-zinc-200">{{ name }}</span>
                              }
                            </p>
                          }
                        </td>
                        <td class="px-4 py-3">
                          <ul class="space-y-0.5 text-xs">
                            @for (line of lines(entry); track $index) {
                              <li data-testid="audit-change">
                                <span class="text-muted">{{ line.field + ': ' }}</span>
                                @if (line.from !== undefined) {
                                  <span class="text-negative line-through decoration-red-500/40 dark:text-red-400">{{ line.from }}</span> →
                                }
                                <span class="text-positive">{{ line.to }}</span>
                              </li>
                            }
                          </ul>
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
  `,
})
export class AuditPage {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(AuditApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly isSuperAdmin = computed(() => inject(AuthSession).user()?.role === Role.SuperAdmin);
  protected readonly value = inputValue;
  protected readonly dateTime = formatDateTime;
  protected readonly lines = (entry: AuditLogView) => changeLines(entry.changes, { language: this.i18n.language(), references: entry.references });
  protected readonly entities = AUDIT_ENTITIES.filter((entity) => entity !== 'request');
  protected readonly actions = AUDIT_ACTIONS;
  protected readonly actionText = (action: string) => auditActionText(this.i18n.language(), action);
  protected readonly entityText = (entity: string) => auditEntityText(this.i18n.language(), entity);

  /** "Criou (Equipe)": several objects share a verb, so the filter names the object too. */
  protected actionOption(action: string): string {
    const entity = action.split('.')[0];
    const label = this.actionText(action);
    return (AUDIT_ENTITIES as readonly string[]).includes(entity) ? `${label} (${this.entityText(entity)})` : label;
  }

  /** A user of the tenant, Fasto staff, a user since gone, or the system (a job) when no one acted. */
  protected actorText(entry: AuditLogView): string {
    if (entry.actorName) return entry.actorName;
    return entry.actorId ? this.i18n.t('audit.unknownActor') : this.i18n.t('audit.system');
  }

  /** The name of the object the entry is about, when it has one. */
  protected objectName(entry: AuditLogView): string | null {
    const reference = entry.entityId ? entry.references[entry.entityId] : undefined;
    return reference ? referenceText(reference, this.i18n.language()) : null;
  }

  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly filters = computed<AuditLogQuery>(() => {
    const p = this.params();
    const get = (key: string) => p.get(key) ?? undefined;
    return { tenantId: get('tenantId'), entity: get('entity'), action: get('action'), from: get('from'), to: get('to') };
  });
  protected readonly entries = signal<AuditLogView[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly state = signal<'loading' | 'ready' | 'error'>('loading');
  protected readonly tenants = toSignal(
    this.isSuperAdmin()
      ? inject(TenantsApi)
          .list({ limit: 200 })
          .pipe(
            map((page) => page.items),
            catchError(() => of([])),
          )
      : of([]),
    { initialValue: [] },
  );

  constructor() {
    effect(() => {
      const filters = this.filters();
      untracked(() => this.load(filters));
    });
  }

  private load(filters: AuditLogQuery, cursor?: string): void {
    if (!cursor) this.state.set('loading');
    this.api.list({ ...filters, to: filters.to ? `${filters.to}T23:59:59.999Z` : undefined, cursor, limit: 50 }).subscribe({
      next: (page) => {
        this.entries.update((list) => (cursor ? [...list, ...page.items] : page.items));
        this.nextCursor.set(page.nextCursor);
        this.state.set('ready');
      },
      error: () => this.state.set('error'),
    });
  }

  protected more(): void {
    const cursor = this.nextCursor();
    if (cursor) this.load(this.filters(), cursor);
  }

  protected setFilter(key: keyof AuditLogQuery, value: string): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: { [key]: value || null }, queryParamsHandling: 'merge' });
  }
}
