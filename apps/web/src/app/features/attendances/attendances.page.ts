import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { Router } from '@angular/router';
import { AttendancesApi, TeamsApi, UsersApi } from '@fasto/api-client';
import type { AttendanceDetail, AttendanceExportFormat, AttendanceFilters, AttendanceListItem } from '@fasto/contracts';
import {
  DataCell,
  DataRowCard,
  DataTable,
  FilterBar,
  PageHeader,
  keysetList,
  pageItems,
  urlFilters,
  type DataColumn,
  type FilterField,
  type QueryPatch,
} from '@fasto/ui';
import { FormatPipe } from '../../core/format/format.pipe';
import { I18n } from '../../core/i18n/i18n.service';
import { ColorChip } from '../../shared/color-chip';
import { Icon } from '../../shared/icon';
import { ScoreBadge } from '../../shared/score-badge';
import { attendsCustomers, injectViewer } from '../../shared/viewer';
import { AttendanceDetailPanel } from './attendance-detail';
import { AttendanceFilterOptions } from './attendance-filter-options';
import { bandOf, filtersFromParams, SCORE_BANDS, type ScoreBand } from './attendance-filters';

const PAGE_SIZE = 50;

@Component({
  selector: 'app-attendances-page',
  imports: [NgTemplateOutlet, Icon, ScoreBadge, ColorChip, FilterBar, DataTable, DataCell, DataRowCard, AttendanceDetailPanel, PageHeader, FormatPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './attendances.page.html',
})
export class AttendancesPage {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(AttendancesApi);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  private readonly viewer = injectViewer();
  /** `/attendances/:id` (a notification's link) opens that attendance. */
  readonly id = input<string | undefined>();

  protected readonly query = urlFilters(filtersFromParams);
  protected readonly filters = this.query.value;
  protected readonly selectedId = computed(() => this.query.params().get('open') ?? this.id() ?? null);
  protected readonly hasFilters = computed(() => Object.keys(this.filters()).length > 0);
  protected readonly list = keysetList({
    filters: this.filters,
    fetch: (filters: AttendanceFilters, cursor) => this.api.list({ ...filters, cursor, limit: PAGE_SIZE }),
  });
  protected readonly exporting = signal<AttendanceExportFormat | null>(null);

  private readonly teams = pageItems(this.viewer.isAdmin() ? inject(TeamsApi).list({ limit: 200 }) : null);
  private readonly users = pageItems(this.viewer.leadsAgents() ? inject(UsersApi).list({ isActive: true, limit: 200 }) : null);
  private readonly agents = computed(() => this.users().filter(attendsCustomers));
  private readonly options = toSignal(inject(AttendanceFilterOptions).for(this.viewer.role()), { initialValue: { stages: [], origins: [] } });
  protected readonly band = computed(() => bandOf(this.filters()));

  protected readonly texts = computed(() => ({ empty: this.i18n.t('att.empty'), error: this.i18n.t('att.error') }));
  protected readonly columns = computed((): DataColumn<AttendanceListItem>[] => [
    { key: 'date', label: this.i18n.t('att.date'), cellClass: 'whitespace-nowrap text-muted tabular-nums', sortValue: (item) => item.attendedAt },
    { key: 'customer', label: this.i18n.t('att.customer'), cellClass: 'max-w-72', sortValue: (item) => item.customerName ?? item.customerPhone },
    { key: 'agent', label: this.i18n.t('att.agent'), from: 'md', cellClass: 'whitespace-nowrap', sortValue: (item) => item.agent?.name ?? null },
    { key: 'stage', label: this.i18n.t('att.stage'), from: 'lg', sortValue: (item) => item.stage?.name ?? null },
    { key: 'origin', label: this.i18n.t('att.origin'), from: 'xl', sortValue: (item) => item.origin?.name ?? null },
    { key: 'score', label: this.i18n.t('att.score'), align: 'end', sortValue: (item) => item.score },
    {
      key: 'saleValue',
      label: this.i18n.t('att.saleValue'),
      from: 'sm',
      align: 'end',
      cellClass: 'tabular-nums',
      sortValue: (item) => (item.converted ? item.saleValue : null),
    },
  ]);
  /** The score select shows the band the URL's minScore/maxScore make. */
  protected readonly filterValues = computed(() => ({ ...this.filters(), band: this.band() }));
  protected readonly filterFields = computed((): FilterField[] => {
    const any = this.i18n.t('att.any');
    const all = this.i18n.t('common.all');
    const yesNo = [
      { value: 'true', label: this.i18n.t('common.yes') },
      { value: 'false', label: this.i18n.t('common.no') },
    ];
    const options = this.options();
    const bands = (Object.keys(SCORE_BANDS) as ScoreBand[]).map((band) => ({ value: band, label: this.i18n.t(`att.scoreBand.${band}`) }));
    const teams = this.teams().map((team) => ({ value: team.id, label: team.name }));
    const agents = this.agents().map((agent) => ({ value: agent.id, label: agent.fullName }));
    return [
      { kind: 'search', key: 'q', id: 'att-q', label: this.i18n.t('att.search') },
      { kind: 'dateRange', id: 'att' },
      { kind: 'select', key: 'converted', id: 'att-converted', label: this.i18n.t('att.converted'), allLabel: any, options: yesNo },
      {
        kind: 'select',
        key: 'stageId',
        id: 'att-stage',
        label: this.i18n.t('att.stage'),
        allLabel: any,
        options: options.stages.map(grouped),
        testId: 'filter-stage',
      },
      {
        kind: 'select',
        key: 'originId',
        id: 'att-origin',
        label: this.i18n.t('att.origin'),
        allLabel: any,
        options: options.origins.map(grouped),
        testId: 'filter-origin',
      },
      { kind: 'select', key: 'band', id: 'att-score', label: this.i18n.t('att.score'), allLabel: any, options: bands, testId: 'filter-score' },
      ...(this.viewer.isAdmin()
        ? [{ kind: 'select', key: 'teamId', id: 'att-team', label: this.i18n.t('common.team'), allLabel: all, options: teams } as const]
        : []),
      ...(this.viewer.leadsAgents()
        ? [{ kind: 'select', key: 'userId', id: 'att-agent', label: this.i18n.t('att.agent'), allLabel: all, options: agents } as const]
        : []),
    ];
  });

  /** Names for the chips of filters that came from the dashboard (stage/origin ids). */
  protected readonly stageName = computed(() => this.list.items().find((item) => item.stage?.id === this.filters().stageId)?.stage ?? null);
  protected readonly originName = computed(() => this.list.items().find((item) => item.origin?.id === this.filters().originId)?.origin ?? null);

  /** The score band is not a URL key: it sets minScore/maxScore. */
  protected apply(patch: QueryPatch): void {
    const { band, ...rest } = patch;
    if (band === undefined) return this.query.set(rest);
    const range = typeof band === 'string' && band in SCORE_BANDS ? SCORE_BANDS[band as ScoreBand] : null;
    this.query.set({ minScore: range?.minScore ?? null, maxScore: range?.maxScore ?? null });
  }

  protected clearFilters(): void {
    void this.router.navigate(['/attendances']);
  }

  protected open(item: AttendanceListItem): void {
    const params = this.query.params();
    void this.router.navigate(['/attendances'], {
      queryParams: { ...params.keys.reduce((all, key) => ({ ...all, [key]: params.get(key) }), {}), open: item.id },
    });
  }

  protected close(): void {
    if (this.id()) void this.router.navigate(['/attendances']);
    else this.query.set({ open: null });
  }

  protected updated(detail: AttendanceDetail): void {
    this.list.update((items) => items.map((item) => (item.id === detail.id ? { ...item, ...detail } : item)));
  }

  protected download(format: AttendanceExportFormat): void {
    this.exporting.set(format);
    this.api
      .export(this.filters(), format, this.i18n.language())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: ({ blob, fileName }) => {
          const url = URL.createObjectURL(blob);
          const link = document.createElement('a');
          link.href = url;
          link.download = fileName;
          link.click();
          setTimeout(() => URL.revokeObjectURL(url), 1000);
          this.exporting.set(null);
        },
        error: () => this.exporting.set(null),
      });
  }
}

/** "Funil · Etapa" when the options mix several funnels or origin groups. */
function grouped(option: { id: string; name: string; group: string | null }) {
  return { value: option.id, label: option.group ? `${option.group} · ${option.name}` : option.name };
}
