import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import { AttendancesApi, AuthSession, TeamsApi, UsersApi } from '@fasto/api-client';
import { Role, type AttendanceExportFormat, type AttendanceFilters, type AttendanceListItem, type AttendanceDetail } from '@fasto/contracts';
import { Subject, Subscription, catchError, debounceTime, distinctUntilChanged, map, of } from 'rxjs';
import { formatBrl, formatDateTime, formatDay, formatMinutes } from '../../core/format/format';
import { I18n } from '../../core/i18n/i18n.service';
import { inputValue } from '../../shared/api-error';
import { ColorChip } from '../../shared/color-chip';
import { Icon } from '../../shared/icon';
import { ScoreBadge } from '../../shared/score-badge';
import { bandOf, filtersFromParams, SCORE_BANDS, type ScoreBand } from './attendance-filters';
import { AttendanceFilterOptions } from './attendance-filter-options';
import { AttendanceDetailPanel } from './attendance-detail';

const PAGE_SIZE = 50;
/** Typing pauses this long before the list follows the search box. */
const SEARCH_DEBOUNCE_MS = 350;

@Component({
  selector: 'app-attendances-page',
  imports: [Icon, ScoreBadge, ColorChip, AttendanceDetailPanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './attendances.page.html',
})
export class AttendancesPage {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(AttendancesApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly user = inject(AuthSession).user;
  /** `/attendances/:id` (a notification's link) opens that attendance. */
  readonly id = input<string | undefined>();

  protected readonly value = inputValue;
  protected readonly dateTime = formatDateTime;
  protected readonly day = formatDay;
  protected readonly brl = formatBrl;
  protected readonly minutes = formatMinutes;
  protected readonly role = computed(() => this.user()?.role ?? Role.Agent);
  protected readonly canFilterTeam = computed(() => this.role() === Role.Admin);
  protected readonly canFilterAgent = computed(() => this.role() !== Role.Agent);

  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly filters = computed(() => filtersFromParams(this.params()));
  protected readonly selectedId = computed(() => this.params().get('open') ?? this.id() ?? null);
  protected readonly hasFilters = computed(() => Object.keys(this.filters()).length > 0);

  protected readonly items = signal<AttendanceListItem[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly state = signal<'loading' | 'ready' | 'error' | 'more'>('loading');
  protected readonly exporting = signal<AttendanceExportFormat | null>(null);
  private page = new Subscription();

  protected readonly teams = toSignal(
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
  protected readonly agents = toSignal(
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

  protected readonly options = toSignal(inject(AttendanceFilterOptions).for(this.role()), { initialValue: { stages: [], origins: [] } });
  protected readonly scoreBands = Object.keys(SCORE_BANDS) as ScoreBand[];
  protected readonly band = computed(() => bandOf(this.filters()));
  private readonly typed = new Subject<string>();

  /** Names for the chips of filters that came from the dashboard (stage/origin ids). */
  protected readonly stageName = computed(() => this.items().find((item) => item.stage?.id === this.filters().stageId)?.stage ?? null);
  protected readonly originName = computed(() => this.items().find((item) => item.origin?.id === this.filters().originId)?.origin ?? null);

  constructor() {
    this.typed.pipe(debounceTime(SEARCH_DEBOUNCE_MS), distinctUntilChanged(), takeUntilDestroyed(inject(DestroyRef))).subscribe((q) => {
      if (q !== (this.filters().q ?? '')) this.setFilter('q', q);
    });
    effect(() => {
      const filters = this.filters();
      untracked(() => this.reload(filters));
    });
  }

  protected loadMore(): void {
    const cursor = this.nextCursor();
    if (!cursor || this.state() === 'more') return;
    this.fetch(this.filters(), cursor);
  }

  protected setFilter(key: keyof AttendanceFilters, value: string | null): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: { [key]: value || null }, queryParamsHandling: 'merge' });
  }

  /** Search as you type (debounced); Enter still searches at once. */
  protected typing(event: Event): void {
    this.typed.next(inputValue(event).trim());
  }

  protected bandLabel(band: ScoreBand): string {
    return this.i18n.t(`att.scoreBand.${band}`);
  }

  protected setBand(band: string): void {
    const range = band in SCORE_BANDS ? SCORE_BANDS[band as ScoreBand] : null;
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { minScore: range?.minScore ?? null, maxScore: range?.maxScore ?? null },
      queryParamsHandling: 'merge',
    });
  }

  protected search(event: Event): void {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('q') as HTMLInputElement;
    this.setFilter('q', input.value.trim());
  }

  protected clearFilters(): void {
    void this.router.navigate(['/attendances']);
  }

  protected open(item: AttendanceListItem): void {
    void this.router.navigate(['/attendances'], {
      queryParams: { ...this.params().keys.reduce((all, key) => ({ ...all, [key]: this.params().get(key) }), {}), open: item.id },
    });
  }

  protected close(): void {
    if (this.id()) void this.router.navigate(['/attendances']);
    else void this.router.navigate([], { relativeTo: this.route, queryParams: { open: null }, queryParamsHandling: 'merge' });
  }

  protected updated(detail: AttendanceDetail): void {
    this.items.update((items) => items.map((item) => (item.id === detail.id ? { ...item, ...detail } : item)));
  }

  protected download(format: AttendanceExportFormat): void {
    this.exporting.set(format);
    this.api.export(this.filters(), format, this.i18n.language()).subscribe({
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

  private reload(filters: AttendanceFilters): void {
    this.items.set([]);
    this.nextCursor.set(null);
    this.state.set('loading');
    this.fetch(filters, undefined);
  }

  private fetch(filters: AttendanceFilters, cursor: string | undefined): void {
    this.page.unsubscribe();
    if (cursor) this.state.set('more');
    this.page = this.api.list({ ...filters, cursor, limit: PAGE_SIZE }).subscribe({
      next: (page) => {
        this.items.update((items) => (cursor ? [...items, ...page.items] : page.items));
        this.nextCursor.set(page.nextCursor);
        this.state.set('ready');
      },
      error: () => this.state.set(cursor ? 'ready' : 'error'),
    });
  }
}
