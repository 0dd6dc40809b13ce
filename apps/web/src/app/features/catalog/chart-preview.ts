import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { CARD_BACKGROUND, chartHexes, type ChartTheme } from '../../core/format/chart-color';

/** A small doughnut of the group's colors as the dashboard will draw them on one theme's card (no chart library here). */
@Component({
  selector: 'app-chart-preview',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <svg viewBox="0 0 42 42" class="size-16 rounded-xl" [style.background]="background()" role="img" [attr.aria-label]="label()">
      @for (segment of segments(); track $index) {
        <circle
          cx="21"
          cy="21"
          r="15.915"
          fill="none"
          stroke-width="7"
          [attr.stroke]="segment.hex"
          [attr.stroke-dasharray]="segment.length + ' ' + (100 - segment.length)"
          [attr.stroke-dashoffset]="25 - segment.start"
          [attr.data-testid]="segment.current ? 'preview-slice-current' : 'preview-slice'"
        />
      }
    </svg>
  `,
})
export class ChartPreview {
  readonly colors = input.required<string[]>();
  /** The slice being edited, drawn a little apart in the legend of the picker. */
  readonly current = input(-1);
  readonly theme = input.required<ChartTheme>();
  readonly label = input('');
  protected readonly background = computed(() => CARD_BACKGROUND[this.theme()]);
  protected readonly segments = computed(() => {
    const colors = this.colors();
    const hexes = chartHexes(colors, this.theme());
    const length = 100 / Math.max(1, colors.length);
    return hexes.map((hex, index) => ({ hex, length, start: index * length, current: index === this.current() }));
  });
}
