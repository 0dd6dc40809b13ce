import { NgComponentOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, type Type } from '@angular/core';
import type { DashboardDay } from '@fasto/contracts';
import { BarVertical2DComponent, LegendPosition, LineChartComponent } from '@swimlane/ngx-charts';
import { formatDayMonth, formatInteger } from '../../core/format/format';
import { I18n } from '../../core/i18n/i18n.service';
import { integerTicks, isPartialDay } from './trend-scale';

// Today's segment is drawn in lighter shades, dashed by styles.css through these exact colors.
const COLORS = { attendances: '#e6b94a', converted: '#00bc7d', attendancesToday: '#f3d27a', convertedToday: '#5ee9b5' } as const;

/**
 * Attendances and conversions per day: lines for a period, bars for a single day (a line needs two
 * points), whole-number ticks, and a day still under way drawn dashed as partial.
 */
@Component({
  selector: 'app-trend-chart',
  imports: [NgComponentOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'block w-full', '[attr.data-kind]': 'single() ? "bars" : "lines"' },
  template: `
    <!-- The chart is a picture for sighted users; the same numbers are in the table below, for screen readers and keyboards. -->
    <div class="h-64" aria-hidden="true">
      <ng-container *ngComponentOutlet="chart().type; inputs: chart().inputs" />
    </div>
    <details class="mt-8 text-xs" data-testid="trend-table">
      <summary class="cursor-pointer text-muted hover:underline">{{ i18n.t('dash.trend.table') }}</summary>
      <table class="mt-2 w-full text-left tabular-nums">
        <caption class="sr-only">
          {{
            i18n.t('dash.trend.caption')
          }}
        </caption>
        <thead>
          <tr class="text-muted">
            <th scope="col" class="py-1 pr-3 font-medium">{{ i18n.t('dash.trend.day') }}</th>
            <th scope="col" class="py-1 pr-3 text-right font-medium">{{ i18n.t('dash.kpi.attendances') }}</th>
            <th scope="col" class="py-1 text-right font-medium">{{ i18n.t('dash.kpi.converted') }}</th>
          </tr>
        </thead>
        <tbody>
          @for (day of days(); track day.date) {
            <tr class="border-t border-zinc-100 dark:border-zinc-900" data-testid="trend-table-row">
              <th scope="row" class="py-1 pr-3 font-normal">
                {{ tick(day.date) }}
                @if (isToday(day.date)) {
                  <span class="text-muted"> · {{ i18n.t('dash.trend.todayPartial') }}</span>
                }
              </th>
              <td class="py-1 pr-3 text-right">{{ integer(day.attendances) }}</td>
              <td class="py-1 text-right">{{ integer(day.converted) }}</td>
            </tr>
          }
        </tbody>
      </table>
    </details>
  `,
})
export class TrendChart {
  protected readonly i18n = inject(I18n);
  readonly days = input.required<DashboardDay[]>();
  /** The tenant's current day (`YYYY-MM-DD`): when the period ends on it, that day is partial. */
  readonly today = input<string | null>(null);
  protected readonly tick = (value: string) => formatDayMonth(value);
  protected readonly integer = (value: number) => formatInteger(value);
  protected readonly isToday = (date: string) => {
    const today = this.today();
    return today !== null && isPartialDay(date, today);
  };
  protected readonly single = computed(() => this.days().length === 1);
  protected readonly ticks = computed(() => integerTicks(Math.max(0, ...this.days().map((day) => day.attendances))));
  protected readonly top = computed(() => this.ticks()[this.ticks().length - 1]);
  private readonly names = computed(() => ({
    attendances: this.i18n.t('dash.kpi.attendances'),
    converted: this.i18n.t('dash.kpi.converted'),
    attendancesToday: this.i18n.t('dash.trend.partial', { series: this.i18n.t('dash.kpi.attendances') }),
    convertedToday: this.i18n.t('dash.trend.partial', { series: this.i18n.t('dash.kpi.converted') }),
  }));

  protected readonly bars = computed(() =>
    this.days().map((day) => ({
      name: day.date,
      series: [
        { name: this.names().attendances, value: day.attendances },
        { name: this.names().converted, value: day.converted },
      ],
    })),
  );

  /** Whole days as solid lines; a partial last day as its own dashed segment from the day before. */
  protected readonly series = computed(() => {
    const days = this.days();
    const today = this.today();
    const partial = days.length > 1 && today !== null && isPartialDay(days[days.length - 1].date, today);
    const whole = partial ? days.slice(0, -1) : days;
    const point = (day: DashboardDay, key: 'attendances' | 'converted') => ({ name: day.date, value: day[key] });
    const names = this.names();
    const lines = [
      { name: names.attendances, series: whole.map((day) => point(day, 'attendances')) },
      { name: names.converted, series: whole.map((day) => point(day, 'converted')) },
    ];
    if (!partial) return lines;
    const tail = days.slice(-2);
    return [
      ...lines,
      { name: names.attendancesToday, series: tail.map((day) => point(day, 'attendances')) },
      { name: names.convertedToday, series: tail.map((day) => point(day, 'converted')) },
    ];
  });

  /** Bars and lines differ only in their kind and data: both get the same axes, legend and scale. */
  protected readonly chart = computed(() => {
    const type: Type<BarVertical2DComponent | LineChartComponent> = this.single() ? BarVertical2DComponent : LineChartComponent;
    // The outlet's inputs escape the template type-check; `satisfies` keeps a misspelt or mistyped one a compile error.
    const inputs = {
      results: this.single() ? this.bars() : this.series(),
      customColors: this.colors(),
      xAxis: true,
      yAxis: true,
      legend: true,
      legendPosition: LegendPosition.Below,
      legendTitle: '',
      animations: false,
      xAxisTickFormatting: this.tick,
      yAxisTickFormatting: this.integer,
      yAxisTicks: this.ticks(),
      yScaleMax: this.top(),
    } satisfies Partial<BarVertical2DComponent> & Partial<LineChartComponent>;
    return { type, inputs };
  });

  protected readonly colors = computed(() => {
    const names = this.names();
    return (Object.keys(COLORS) as (keyof typeof COLORS)[]).map((key) => ({ name: names[key], value: COLORS[key] }));
  });
}
