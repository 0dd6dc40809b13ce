import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import type { ParamMap } from '@angular/router';
import { AuditApi, AuthSession, TenantsApi, type AuditLogQuery } from '@fasto/api-client';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, Role, type AuditLogView } from '@fasto/contracts';
import { DataCell, DataTable, FilterBar, PageHeader, keysetList, pageItems, urlFilters, type DataColumn, type FilterField } from '@fasto/ui';
import { FormatPipe } from '../../core/format/format.pipe';
import { auditActionText, auditEntityText } from '../../core/i18n/audit-text';
import { I18n } from '../../core/i18n/i18n.service';
import { changeLines, referenceText } from './audit-changes';

const PAGE_SIZE = 50;

/** Who changed what, newest first (admins: their tenant; super admins: every tenant or one). */
@Component({
  selector: 'app-audit-page',
  imports: [FilterBar, DataTable, DataCell, PageHeader, FormatPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="space-y-5">
      <ui-page-header [title]="i18n.t('nav.audit')" />
      <ui-filter-bar testId="audit-filters" [fields]="filterFields()" [values]="filters()" (changed)="query.set($event)" />

      <ui-data-table testId="audit" [list]="list" [columns]="columns()" [texts]="texts()" [rowClass]="alignTop">
        <ng-template uiCell="date" [uiCellOf]="list.items()" let-entry>{{ entry.createdAt | format: 'dateTime' }}</ng-template>
        <ng-template uiCell="actor" [uiCellOf]="list.items()" let-entry>
          <div data-testid="audit-actor">
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
          </div>
        </ng-template>
        <ng-template uiCell="action" [uiCellOf]="list.items()" let-entry>
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
        </ng-template>
        <ng-template uiCell="changes" [uiCellOf]="list.items()" let-entry>
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
        </ng-template>
      </ui-data-table>
    </div>
  `,
})
export class AuditPage {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(AuditApi);
  private readonly tenantsApi = inject(TenantsApi);
  private readonly user = inject(AuthSession).user;
  protected readonly isSuperAdmin = computed(() => this.user()?.role === Role.SuperAdmin);
  protected readonly alignTop = () => 'align-top';
  protected readonly lines = (entry: AuditLogView) => changeLines(entry.changes, { language: this.i18n.language(), references: entry.references });
  protected readonly actionText = (action: string) => auditActionText(this.i18n.language(), action);
  protected readonly entityText = (entity: string) => auditEntityText(this.i18n.language(), entity);

  protected readonly query = urlFilters(auditFiltersFromParams);
  protected readonly filters = this.query.value;
  protected readonly list = keysetList({
    filters: this.filters,
    fetch: (filters: AuditLogQuery, cursor) =>
      this.api.list({ ...filters, to: filters.to ? `${filters.to}T23:59:59.999Z` : undefined, cursor, limit: PAGE_SIZE }),
  });

  protected readonly texts = computed(() => ({ empty: this.i18n.t('audit.empty'), error: this.i18n.t('audit.error') }));
  protected readonly columns = computed((): DataColumn<AuditLogView>[] => [
    { key: 'date', label: this.i18n.t('audit.date'), cellClass: 'whitespace-nowrap text-muted tabular-nums', sortValue: (entry) => entry.createdAt },
    { key: 'actor', label: this.i18n.t('audit.actor'), sortValue: (entry) => this.actorText(entry) },
    { key: 'action', label: this.i18n.t('audit.action'), sortValue: (entry) => this.actionText(entry.action) },
    { key: 'changes', label: this.i18n.t('audit.changes') },
  ]);
  private readonly tenants = pageItems(this.isSuperAdmin() ? this.tenantsApi.list({ limit: 200 }) : null);
  protected readonly filterFields = computed((): FilterField[] => {
    const all = this.i18n.t('common.all');
    const tenants = this.tenants().map((tenant) => ({ value: tenant.id, label: tenant.name }));
    const entities = AUDIT_ENTITIES.filter((entity) => entity !== 'request').map((entity) => ({ value: entity, label: this.entityText(entity) }));
    const actions = AUDIT_ACTIONS.map((action) => ({ value: action, label: this.actionOption(action) }));
    return [
      ...(this.isSuperAdmin()
        ? [{ kind: 'select', key: 'tenantId', id: 'audit-tenant', label: this.i18n.t('audit.tenant'), allLabel: all, options: tenants } as const]
        : []),
      { kind: 'select', key: 'entity', id: 'audit-entity', label: this.i18n.t('audit.entity'), allLabel: all, options: entities, testId: 'audit-entity' },
      {
        kind: 'select',
        key: 'action',
        id: 'audit-action',
        label: this.i18n.t('audit.action'),
        allLabel: all,
        options: actions,
        testId: 'audit-action-filter',
        wide: true,
      },
      { kind: 'dateRange', id: 'audit' },
    ];
  });

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
}

/** The filters of the log, from the query string. */
export function auditFiltersFromParams(params: ParamMap): AuditLogQuery {
  const get = (key: string) => params.get(key) || undefined;
  return { tenantId: get('tenantId'), entity: get('entity'), action: get('action'), from: get('from'), to: get('to') };
}
