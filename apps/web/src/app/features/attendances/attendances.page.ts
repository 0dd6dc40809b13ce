import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { Router } from '@angular/router';
import { AttendancesApi, AuthSession, TeamsApi, UsersApi } from '@fasto/api-client';
import { Role, type AttendanceDetail, type AttendanceExportFormat, type AttendanceFilters, type AttendanceListItem } from '@fasto/contracts';
import { DataCell, DataRowCard, DataTable, DateRange, FilterBar, SearchField, SelectFilter, keysetList, urlFilters, type DataColumn } from '@fasto/ui';
import { catchError, map, of } from 'rxjs';
import { formatBrl, formatDateTime } from '../../core/format/format';
import { I18n } from '../../core/i18n/i18n.service';
import { ColorChip } from '../../shared/color-chip';
import { Icon } from '../../shared/icon';
import { ScoreBadge } from '../../shared/score-badge';
import { AttendanceDetailPanel } from './attendance-detail';
import { AttendanceFilterOptions } from './attendance-filter-options';
import { bandOf, filtersFromParams, SCORE_BANDS, type ScoreBand } from './attendance-filters';

const PAGE_SIZE = 50;

@Component({
  selector: 'app-attendances-page',
  imports: [NgTemplateOutlet, Icon, ScoreBadge, ColorChip, FilterBar, SearchField, SelectFilter, DateRange, DataTable, DataCell, DataRowCard, AttendanceDetailPanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './attendances.page.html',
})
export class AttendancesPage {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(AttendancesApi);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  private readonly user = inject(AuthSession).user;
  /** `/attendances/:id` (a notification's link) opens that attendance. */
  readonly id = input<string | undefined>();

  protected readonly dateTime = formatDateTime;
  protected readonly brl = formatBrl;
  protected readonly idOf = (item: AttendanceListItem) => item.id;
  protected readonly role = computed(() => this.user()?.role ?? Role.Agent);
  protected readonly canFilterTeam = computed(() => this.role() === Role.Admin);
  protected readonly canFilterAgent = computed(() => this.role() !== Role.Agent);

  protected readonly query = urlFilters(filtersFromParams);
  protected readonly filters = this.query.value;
  protected readonly selectedId = computed(() => this.query.params().get('open') ?? this.id() ?? null);
  protected readonly hasFilters = computed(() => Object.keys(this.filters()).length > 0);
  protected readonly list = keysetList({
    filters: this.filters,
    fetch: (filters: AttendanceFilters, cursor) => this.api.list({ ...filters, cursor, limit: PAGE_SIZE }),
  });
  protected readonly exporting = signal<AttendanceExportFormat | null>(null);

  private readonly teams = toSignal(
    this.canFilterTeam()
      ? inject(TeamsApi)
          .list({ limit: 200 })
          .pipe(
            map((page) => page.items),
            catchError(() => of([])),
          )
      : of([]),
    { initialValue: [] },
  );
  private readonly agents = toSignal(
    this.canFilterAgent()
      ? inject(UsersApi)
          .list({ isActive: true, limit: 200 })
          .pipe(
            map((page) => page.items.filter((user) => user.role === Role.Agent || user.role === Role.Manager)),
            catchError(() => of([])),
          )
      : of([]),
    { initialValue: [] },
  );
  private readonly options = toSignal(inject(AttendanceFilterOptions).for(this.role()), { initialValue: { stages: [], origins: [] } });
  protected readonly band = computed(() => bandOf(this.filters()));

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
  protected readonly convertedValue = computed(() => (this.filters().converted === undefined ? null : String(this.filters().converted)));
  protected readonly convertedOptions = computed(() => [
    { value: 'true', label: this.i18n.t('common.yes') },
    { value: 'false', label: this.i18n.t('common.no') },
  ]);
  protected readonly stageOptions = computed(() => this.options().stages.map(groupedOption));
  protected readonly originOptions = computed(() => this.options().origins.map(groupedOption));
  protected readonly bandOptions = computed(() =>
    (Object.keys(SCORE_BANDS) as ScoreBand[]).map((band) => ({ value: band, label: this.i18n.t(`att.scoreBand.${band}`) })),
  );
  protected readonly teamOptions = computed(() => this.teams().map((team) => ({ value: team.id, label: team.name })));
  protected readonly agentOptions = computed(() => this.agents().map((agent) => ({ value: agent.id, label: agent.fullName })));

  /** Names for the chips of filters that came from the dashboard (stage/origin ids). */
  protected readonly stageName = computed(() => this.list.items().find((item) => item.stage?.id === this.filters().stageId)?.stage ?? null);
  protected readonly originName = computed(() => this.list.items().find((item) => item.origin?.id === this.filters().originId)?.origin ?? null);

  protected setBand(band: string): void {
    const range = band in SCORE_BANDS ? SCORE_BANDS[band as ScoreBand] : null;
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
function groupedOption(option: { id: string; name: string; group: string | null }) {
  return { value: option.id, label: option.group ? `${option.group} · ${option.name}` : option.name };
}
