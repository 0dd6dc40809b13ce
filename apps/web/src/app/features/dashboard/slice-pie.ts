import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import type { DashboardSlice } from '@fasto/contracts';
import { PieChartModule } from '@swimlane/ngx-charts';
import { chartHexes } from '../../core/format/chart-color';
import { formatInteger } from '../../core/format/format';
import { FormatPipe } from '../../core/format/format.pipe';
import { I18n } from '../../core/i18n/i18n.service';
import { PreferencesStore } from '../../core/preferences/preferences.store';
import { sliceLabel } from './dashboard-labels';

interface ChartSlice {
  /** The chart's key: the label, numbered when two slices share it. */
  name: string;
  label: string;
  value: number;
  slice: DashboardSlice;
  hex: string;
}

/**
 * Doughnut of stages or origins, each slice in its own palette hue (the others bucket in neutral grey), in a
 * shade that reads on the theme's card and differs from its neighbours.
 */
@Component({
  selector: 'app-slice-pie',
  imports: [PieChartModule, FormatPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="flex flex-col gap-4 sm:flex-row sm:items-center">
      <!-- A picture of the list beside it: the list (names and counts, focusable) is what screen readers and keyboards use. -->
      <div class="relative mx-auto h-52 w-52 shrink-0" data-testid="pie" aria-hidden="true">
        <ngx-charts-pie-chart
          [view]="[208, 208]"
          [results]="data()"
          [customColors]="colors()"
          [doughnut]="true"
          [arcWidth]="0.32"
          [animations]="false"
          [tooltipText]="tooltip"
          (select)="pick($event)"
        />
        <div class="pointer-events-none absolute inset-0 grid place-items-center text-center">
          <div>
            <p class="text-2xl font-semibold tabular-nums">{{ total() }}</p>
          </div>
        </div>
      </div>
      <ul class="min-w-0 flex-1 space-y-1.5 text-sm">
        @for (item of data(); track item.name) {
          <li>
            <button
              data-testid="pie-legend-item"
              type="button"
              class="flex w-full items-center gap-2 rounded-md px-2 py-1 text-left hover:bg-zinc-100 disabled:cursor-default disabled:hover:bg-transparent dark:hover:bg-zinc-900"
              [disabled]="item.slice.id === null"
              (click)="selected.emit(item.slice)"
            >
              <span class="size-2.5 shrink-0 rounded-full ring-1 ring-black/10 dark:ring-white/10" [style.background]="item.hex"></span>
              <span class="min-w-0 flex-1 truncate">{{ item.label }}</span>
              <span class="tabular-nums text-muted">{{ item.value | format: 'integer' }}</span>
            </button>
          </li>
        }
      </ul>
    </div>
  `,
})
export class SlicePie {
  readonly slices = input.required<DashboardSlice[]>();
  readonly selected = output<DashboardSlice>();
  private readonly theme = inject(PreferencesStore).theme;
  private readonly i18n = inject(I18n);

  /** Empty slices draw nothing; names are the chart's keys, so equal names in two funnels get told apart. */
  protected readonly data = computed<ChartSlice[]>(() => {
    const seen = new Map<string, number>();
    const drawn = this.slices().filter((slice) => slice.count > 0);
    const hexes = chartHexes(
      drawn.map((slice) => slice.color),
      this.theme(),
    );
    return drawn.map((slice, index) => {
      const label = sliceLabel(slice, (key) => this.i18n.t(key));
      const n = (seen.get(label) ?? 0) + 1;
      seen.set(label, n);
      return { name: n > 1 ? `${label} (${n})` : label, label, value: slice.count, slice, hex: hexes[index] };
    });
  });
  protected readonly colors = computed(() => this.data().map((item) => ({ name: item.name, value: item.hex })));
  protected readonly total = computed(() => formatInteger(this.data().reduce((sum, item) => sum + item.value, 0)));

  protected readonly tooltip = ({ data }: { data: { name: string; value: number } }) => `${data.name}: ${formatInteger(data.value)}`;

  protected pick(event: { name: string } | string): void {
    const name = typeof event === 'string' ? event : event.name;
    const item = this.data().find((candidate) => candidate.name === name);
    if (item && item.slice.id !== null) this.selected.emit(item.slice);
  }
}
