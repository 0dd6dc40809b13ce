import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { Router, type ParamMap } from '@angular/router';
import { DashboardApi, GoalsApi, TeamsApi, UsersApi } from '@fasto/api-client';
import { Role, type DashboardAgentRow, type DashboardQuery, type DashboardResponse, type DashboardSlice, type GoalProgressView } from '@fasto/contracts';
import { DateRange, EmptyState, SelectFilter, Segmented, Skeleton, pageItems, urlFilters, type DateRangeValue, type FilterOption, type SelectField } from '@fasto/ui';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { formatBrl, formatDay, formatDecimal, formatInteger, formatMinutes, formatRate } from '../../core/format/format';
import { I18n } from '../../core/i18n/i18n.service';
import type { MessageKey } from '../../core/i18n/messages';
import { attendsCustomers, injectViewer } from '../../shared/viewer';
import { GoalCards } from '../goals/goal-cards';
import { goalsOfScope } from '../goals/goal-figures';
import { AgentRanking } from './agent-ranking';
import { DEFAULT_PRESET, RANGE_PRESETS, isPreset, isoDay, rangeFor, type RangePreset } from './date-range';
import { KpiCard } from './kpi-card';
import { SlicePie } from './slice-pie';
import { TrendChart } from './trend-chart';

type Load = { state: 'loading' } | { state: 'error' } | { state: 'ready'; data: DashboardResponse };

function filtersFromParams(params: ParamMap) {
  const range = params.get('range');
  return {
    preset: isPreset(range) ? range : DEFAULT_PRESET,
    from: params.get('from'),
    to: params.get('to'),
    teamId: params.get('teamId') ?? '',
    userId: params.get('userId') ?? '',
  };
}

@Component({
  selector: 'app-dashboard-page',
  imports: [KpiCard, SlicePie, TrendChart, AgentRanking, GoalCards, Skeleton, EmptyState, Segmented, DateRange, SelectFilter],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dashboard.page.html',
})
export class DashboardPage {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(DashboardApi);
  private readonly goalsApi = inject(GoalsApi);
  private readonly router = inject(Router);
  protected readonly viewer = injectViewer();

  protected readonly presetOptions = computed(() => RANGE_PRESETS.map((preset) => ({ value: preset, label: this.i18n.t(`dash.preset.${preset}` as const) })));

  /** A new period or filter replaces the history entry: "back" leaves the dashboard rather than stepping through its settings. */
  private readonly params = urlFilters(filtersFromParams, { replaceUrl: true });
  protected readonly preset = computed(() => this.params.value().preset);
  protected readonly teamId = computed(() => this.params.value().teamId);
  protected readonly userId = computed(() => this.params.value().userId);
  protected readonly today = isoDay(new Date());
  protected readonly range = computed(() => rangeFor(this.preset(), new Date(), this.params.value()));
  private readonly query = computed<DashboardQuery>(() => ({ ...this.range(), teamId: this.teamId() || undefined, userId: this.userId() || undefined }));
  protected readonly customOpen = signal(false);

  private readonly retries = signal(0);
  private readonly request = computed(() => ({ query: this.query(), attempt: this.retries() }));
  protected readonly load = toSignal(
    toObservable(this.request).pipe(
      switchMap(({ query }) =>
        this.api.get(query).pipe(
          map((data): Load => ({ state: 'ready', data })),
          catchError(() => of<Load>({ state: 'error' })),
          startWith<Load>({ state: 'loading' }),
        ),
      ),
    ),
    { initialValue: { state: 'loading' } as Load },
  );

  /**
   * The running period's goals for the same team/agent filter (the API scopes them like the dashboard):
   * the cards show the scope's own goals, the ranking each agent's. A failure only hides them.
   */
  protected readonly goalProgress = toSignal(
    toObservable(computed(() => ({ teamId: this.teamId() || undefined, userId: this.userId() || undefined, attempt: this.retries() }))).pipe(
      switchMap(({ teamId, userId }) =>
        this.goalsApi.progress({ period: 'current', teamId, userId }).pipe(
          map((response) => response.items),
          catchError(() => of<GoalProgressView[]>([])),
        ),
      ),
    ),
    { initialValue: [] as GoalProgressView[] },
  );
  /** An agent filter (or an agent's own dashboard) shows that agent's goals; a team (a manager's own) the team's; else the company's. */
  protected readonly goalCards = computed(() => {
    const self = this.viewer.user();
    const userId = this.userId() || (this.viewer.role() === Role.Agent ? (self?.id ?? null) : null);
    const teamId = this.teamId() || (this.viewer.role() === Role.Manager ? (self?.teamId ?? null) : null);
    return goalsOfScope(this.goalProgress(), { userId, teamId });
  });

  /** A manager's dashboard is their team's: say which one. */
  protected readonly ownTeam = toSignal(
    this.viewer.role() === Role.Manager && this.viewer.user()?.teamId
      ? inject(TeamsApi)
          .get(this.viewer.user()?.teamId ?? '')
          .pipe(
            map((team) => team.name),
            catchError(() => of(null)),
          )
      : of(null),
    { initialValue: null },
  );
  protected readonly teams = pageItems(this.viewer.isAdmin() ? inject(TeamsApi).list({ limit: 200 }) : null);
  private readonly usersApi = inject(UsersApi);
  protected readonly agents = toSignal(
    toObservable(this.teamId).pipe(
      switchMap((teamId) =>
        this.viewer.leadsAgents()
          ? this.usersApi.list({ teamId: teamId || undefined, isActive: true, limit: 200 }).pipe(
              map((page) => page.items.filter(attendsCustomers)),
              catchError(() => of([])),
            )
          : of([]),
      ),
    ),
    { initialValue: [] },
  );

  /** The team filter (admins) and the agent filter (whoever leads agents), drawn alike. */
  protected readonly filters = computed(() => {
    const filter = (key: 'team' | 'agent', value: string, options: FilterOption[]) => {
      const field: SelectField = {
        id: `dash-${key}`,
        testId: `filter-${key}`,
        label: this.i18n.t(key === 'team' ? 'dash.team' : 'dash.agent'),
        allLabel: this.i18n.t('dash.all'),
        options,
      };
      return { key, value, ...field };
    };
    const teams = this.teams().map((team) => ({ value: team.id, label: team.name }));
    const agents = this.agents().map((agent) => ({ value: agent.id, label: agent.fullName }));
    return [
      ...(this.viewer.isAdmin() ? [filter('team', this.teamId(), teams)] : []),
      ...(this.viewer.leadsAgents() ? [filter('agent', this.userId(), agents)] : []),
    ];
  });

  protected readonly kpis = computed(() => {
    const load = this.load();
    if (load.state !== 'ready') return [];
    const { totals: t, previousTotals: p } = load.data;
    const card = (label: MessageKey, value: string, current: number | null, previous: number | null, lowerIsBetter = false) => ({
      label: this.i18n.t(label),
      value,
      current,
      previous,
      lowerIsBetter,
    });
    return [
      card('dash.kpi.attendances', formatInteger(t.attendances), t.attendances, p.attendances),
      card('dash.kpi.converted', formatInteger(t.converted), t.converted, p.converted),
      card('dash.kpi.conversionRate', formatRate(t.conversionRate), t.conversionRate, p.conversionRate),
      card('dash.kpi.avgScore', formatDecimal(t.avgScore), t.avgScore, p.avgScore),
      card('dash.kpi.avgFirstResponse', formatMinutes(t.avgFirstResponseMin), t.avgFirstResponseMin, p.avgFirstResponseMin, true),
      card('dash.kpi.saleValue', formatBrl(t.saleValue), t.saleValue, p.saleValue),
    ];
  });

  /** How the "vs. previous period" figures were counted, stated under the cards. */
  protected readonly comparisonRule = computed(() => {
    const load = this.load();
    if (load.state !== 'ready') return '';
    const { previousRange, previousUntil } = load.data;
    const params = { from: formatDay(previousRange.from), to: formatDay(previousRange.to) };
    return this.i18n.t(previousUntil ? 'dash.compare.partial' : 'dash.compare.whole', params);
  });

  protected readonly rangeLabel = computed(() => `${formatDay(this.range().from)} – ${formatDay(this.range().to)}`);

  protected choosePreset(preset: RangePreset): void {
    if (preset === 'custom') {
      this.customOpen.set(true);
      this.params.set({ range: 'custom', from: this.range().from, to: this.range().to });
      return;
    }
    this.customOpen.set(false);
    this.params.set({ range: preset === DEFAULT_PRESET ? null : preset, from: null, to: null });
  }

  /** A cleared day picker keeps the range it had. */
  protected setCustom({ from, to }: DateRangeValue): void {
    if (from && to) this.params.set({ range: 'custom', from, to });
  }

  /** Another team clears the agent (the agent list follows the team). */
  protected pick(filter: 'team' | 'agent', id: string): void {
    this.params.set(filter === 'team' ? { teamId: id || null, userId: null } : { userId: id || null });
  }

  protected retry(): void {
    this.retries.update((n) => n + 1);
  }

  /** A slice or an agent opens the list filtered the same way. */
  protected openStage(slice: DashboardSlice): void {
    this.openList({ stageId: slice.id });
  }

  protected openOrigin(slice: DashboardSlice): void {
    this.openList({ originId: slice.id });
  }

  protected openAgent(row: DashboardAgentRow): void {
    this.openList({ userId: row.userId });
  }

  private openList(extra: Record<string, string | null>): void {
    void this.router.navigate(['/attendances'], {
      queryParams: { ...this.range(), teamId: this.teamId() || null, userId: this.userId() || null, ...extra },
    });
  }
}
