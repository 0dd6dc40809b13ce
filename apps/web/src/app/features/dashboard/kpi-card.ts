import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { KpiCard as UiKpiCard } from '@fasto/ui';
import { changeRatio, formatRate } from '../../core/format/format';
import { I18n } from '../../core/i18n/i18n.service';
import { Icon } from '../../shared/icon';

/** One KPI with its change against the previous period of the same length. */
@Component({
  selector: 'app-kpi-card',
  imports: [Icon, UiKpiCard],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ui-kpi-card class="h-full" [label]="label()" [value]="value()">
      <p class="mt-2 flex items-center gap-1 text-xs" [title]="i18n.t('dash.vsPrevious')">
        @if (change(); as change) {
          <span class="inline-flex items-center gap-0.5 rounded-full px-1.5 py-0.5 font-medium tabular-nums" [class]="tone()">
            <app-icon [name]="change > 0 ? 'arrowUp' : 'arrowDown'" [size]="12" />{{ percent() }}
          </span>
        } @else {
          <span class="rounded-full bg-zinc-100 px-1.5 py-0.5 text-muted dark:bg-zinc-900">—</span>
        }
        <span class="text-muted">{{ i18n.t('dash.vsPrevious') }}</span>
      </p>
    </ui-kpi-card>
  `,
})
export class KpiCard {
  protected readonly i18n = inject(I18n);
  readonly label = input.required<string>();
  readonly value = input.required<string>();
  readonly current = input<number | null>(null);
  readonly previous = input<number | null>(null);
  /** For times, lower is better: a drop is shown in green. */
  readonly lowerIsBetter = input(false);

  protected readonly change = computed(() => {
    const ratio = changeRatio(this.current(), this.previous());
    return ratio === null || ratio === 0 ? null : ratio;
  });
  protected readonly percent = computed(() => formatRate(Math.abs(this.change() ?? 0)));
  protected readonly tone = computed(() => {
    const good = (this.change() ?? 0) > 0 !== this.lowerIsBetter();
    return good ? 'bg-emerald-500/10 text-positive' : 'bg-red-500/10 text-negative';
  });
}
