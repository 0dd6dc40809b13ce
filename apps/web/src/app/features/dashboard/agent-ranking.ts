import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import type { DashboardAgentRow, DashboardAgentSort, GoalProgressView } from '@fasto/contracts';
import { formatBrl, formatDecimal, formatInteger, formatMinutes, formatRate } from '../../core/format/format';
import { I18n } from '../../core/i18n/i18n.service';
import type { MessageKey } from '../../core/i18n/messages';
import { Icon } from '../../shared/icon';
import { agentGoalPercents, metricLabel, rankingMetric } from '../goals/goal-figures';
import { agentLabel } from './dashboard-labels';

interface Column {
  key: DashboardAgentSort;
  label: MessageKey;
  format: (row: DashboardAgentRow) => string;
}

/** Per-agent KPIs, sortable by any column (first response: fastest first). */
@Component({
  selector: 'app-agent-ranking',
  imports: [Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="overflow-x-auto" tabindex="0">
      <table class="w-full min-w-[640px] text-sm" data-testid="agent-ranking">
        <thead>
          <tr class="border-b border-zinc-200 text-left text-xs tracking-wide text-muted uppercase dark:border-zinc-800">
            <th scope="col" class="py-2 pr-3 font-medium">#</th>
            <th scope="col" class="py-2 pr-3 font-medium">{{ i18n.t('dash.agent') }}</th>
            @for (column of columns; track column.key) {
              <th scope="col" class="py-2 pr-3 text-right font-medium" [attr.aria-sort]="sort() === column.key ? 'descending' : null">
                <button type="button" class="inline-flex items-center gap-1 hover:text-zinc-900 dark:hover:text-zinc-100" (click)="sort.set(column.key)">
                  {{ i18n.t(column.label) }}
                  <app-icon [name]="sort() === column.key ? 'arrowDown' : 'sort'" [size]="12" [class.text-gold-500]="sort() === column.key" />
                </button>
              </th>
            }
            @if (showGoal()) {
              <th scope="col" class="py-2 pr-3 text-right font-medium" [title]="goalRule()">{{ i18n.t('dash.ranking.goalColumn') }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.userId; let i = $index) {
            <tr class="border-b border-zinc-100 last:border-0 hover:bg-zinc-50 dark:border-zinc-900 dark:hover:bg-zinc-900/60">
              <td class="py-2.5 pr-3 text-muted tabular-nums">{{ i + 1 }}</td>
              <td class="py-2.5 pr-3">
                @if (row.userId) {
                  <button
                    type="button"
                    class="font-medium hover:text-gold-600 hover:underline dark:hover:text-gold-400"
                    (click)="selected.emit(row)"
                    data-testid="ranking-agent"
                  >
                    {{ label(row) }}
                  </button>
                } @else {
                  <span class="text-muted">{{ label(row) }}</span>
                }
              </td>
              @for (column of columns; track column.key) {
                <td class="py-2.5 pr-3 text-right tabular-nums" [class.font-semibold]="sort() === column.key">{{ column.format(row) }}</td>
              }
              @if (showGoal()) {
                <td class="py-2.5 pr-3 text-right tabular-nums" data-testid="ranking-goal">{{ goalPercent(row) }}</td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
    @if (showGoal()) {
      <p class="mt-2 text-xs text-muted" data-testid="ranking-goal-rule">{{ goalRule() }}</p>
    }
  `,
})
export class AgentRanking {
  protected readonly i18n = inject(I18n);
  readonly agents = input.required<DashboardAgentRow[]>();
  readonly selected = output<DashboardAgentRow>();
  protected readonly sort = signal<DashboardAgentSort>('attendances');
  protected readonly columns: Column[] = [
    { key: 'attendances', label: 'dash.kpi.attendances', format: (row) => formatInteger(row.attendances) },
    { key: 'converted', label: 'dash.kpi.converted', format: (row) => formatInteger(row.converted) },
    { key: 'conversionRate', label: 'dash.kpi.conversionRate', format: (row) => formatRate(row.conversionRate) },
    { key: 'avgScore', label: 'dash.kpi.avgScore', format: (row) => formatDecimal(row.avgScore) },
    { key: 'avgFirstResponseMin', label: 'dash.kpi.avgFirstResponse', format: (row) => formatMinutes(row.avgFirstResponseMin) },
    { key: 'saleValue', label: 'dash.kpi.saleValue', format: (row) => formatBrl(row.saleValue) },
  ];
  protected readonly rows = computed(() => sortAgents(this.agents(), this.sort()));
  /** The running period's goal progress of the dashboard's scope: the column reads each agent's own goal from it. */
  readonly goals = input<readonly GoalProgressView[]>([]);
  protected readonly showGoal = computed(() => this.goals().some((view) => view.goal.scope === 'user'));
  /** The goal the column uses follows the sorted column's figure (sales value for first-response time, which has no goal). */
  private readonly goalMetric = computed(() => rankingMetric(this.sort()));
  private readonly percents = computed(() => agentGoalPercents(this.goals(), this.goalMetric()));
  protected readonly goalRule = computed(() => this.i18n.t('dash.ranking.goalRule', { metric: this.i18n.t(metricLabel(this.goalMetric())) }));
  protected goalPercent(row: DashboardAgentRow): string {
    const percent = row.userId ? this.percents().get(row.userId) : undefined;
    return percent === undefined ? '—' : `${formatDecimal(percent)}%`;
  }
  protected readonly label = (row: DashboardAgentRow) => agentLabel(row, (key) => this.i18n.t(key));
}

/** Highest first, except first-response time (fastest first); unknown values go last. */
export function sortAgents(rows: DashboardAgentRow[], key: DashboardAgentSort): DashboardAgentRow[] {
  const ascending = key === 'avgFirstResponseMin';
  return [...rows].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    if (x === null) return y === null ? 0 : 1;
    if (y === null) return -1;
    return ascending ? x - y : y - x;
  });
}
