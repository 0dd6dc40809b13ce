import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { DashboardDay } from '@fasto/contracts';
import { LegendPosition, LineChartModule } from '@swimlane/ngx-charts';
import { formatDayMonth, formatInteger } from '../../core/format/format';
import { I18n } from '../../core/i18n/i18n.service';

/** Attendances and conversions per day. */
@Component({
  selector: 'app-trend-chart',
  imports: [LineChartModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'block h-64 w-full' },
  template: `
    <ngx-charts-line-chart
      [results]="series()"
      [customColors]="colors()"
      [xAxis]="true"
      [yAxis]="true"
      [legend]="true"
      [legendPosition]="below"
      [legendTitle]="''"
      [autoScale]="false"
      [animations]="false"
      [xAxisTickFormatting]="tick"
      [yAxisTickFormatting]="integer"
      [roundDomains]="true"
    />
  `,
})
export class TrendChart {
  private readonly i18n = inject(I18n);
  readonly days = input.required<DashboardDay[]>();
  protected readonly below = LegendPosition.Below;
  protected readonly tick = (value: string) => formatDayMonth(value);
  protected readonly integer = (value: number) => formatInteger(value);
  protected readonly series = computed(() => [
    { name: this.i18n.t('dash.kpi.attendances'), series: this.days().map((day) => ({ name: day.date, value: day.attendances })) },
    { name: this.i18n.t('dash.kpi.converted'), series: this.days().map((day) => ({ name: day.date, value: day.converted })) },
  ]);
  protected readonly colors = computed(() => [
    { name: this.i18n.t('dash.kpi.attendances'), value: '#e6b94a' },
    { name: this.i18n.t('dash.kpi.converted'), value: '#00bc7d' },
  ]);
}
