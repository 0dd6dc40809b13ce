import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { PALETTE_HUES, PALETTE_SHADES } from '@fasto/contracts';
import { isLowContrast } from '../../core/format/chart-color';
import { FormatPipe } from '../../core/format/format.pipe';
import { I18n } from '../../core/i18n/i18n.service';
import { ColorChip, type ColorEntry } from '../../shared/color-chip';
import { ChartPreview } from './chart-preview';

/**
 * The palette as swatches (one row per hue), with a live preview of the chip and of the group's pie as
 * the dashboard will draw it on both themes, and a warning when the swatch itself is hard to see.
 */
@Component({
  selector: 'app-color-picker',
  imports: [ColorChip, ChartPreview, FormatPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="space-y-3" data-testid="color-picker">
      <div class="flex items-center gap-2 text-xs text-muted">
        {{ i18n.t('catalog.preview') }}
        <app-color-chip [entry]="preview()" data-testid="color-preview" />
        <code class="ml-auto">{{ value() }}</code>
      </div>
      <div class="flex items-center gap-3" data-testid="chart-preview">
        <app-chart-preview [colors]="previewColors()" [current]="index()" theme="dark" [label]="i18n.t('catalog.previewDark')" />
        <app-chart-preview [colors]="previewColors()" [current]="index()" theme="light" [label]="i18n.t('catalog.previewLight')" />
        @if (lowContrast(); as themes) {
          <p class="min-w-0 flex-1 text-xs text-amber-700 dark:text-amber-400" role="note" data-testid="low-contrast-warning">
            {{ i18n.t('catalog.lowContrast', { themes: themes }) }}
          </p>
        }
      </div>
      <div class="grid gap-1" role="radiogroup" [attr.aria-label]="i18n.t('catalog.color')">
        @for (hue of hues; track hue) {
          <div class="flex gap-1">
            @for (shade of shades; track shade) {
              @let color = 'bg-' + hue + '-' + shade;
              <button
                type="button"
                role="radio"
                class="size-5 rounded ring-1 ring-black/10 transition-transform hover:scale-125 aria-checked:scale-110 aria-checked:ring-2 aria-checked:ring-gold-500 aria-checked:ring-offset-1 dark:ring-white/10 dark:ring-offset-zinc-950"
                [style.background]="color | format: 'paletteHex'"
                [attr.aria-checked]="value() === color"
                [attr.aria-label]="hue + ' ' + shade"
                [attr.data-color]="color"
                (click)="picked.emit(color)"
              ></button>
            }
          </div>
        }
      </div>
    </div>
  `,
})
export class ColorPicker {
  protected readonly i18n = inject(I18n);
  /** The group's entries as the dashboard will draw them, the edited one among them (a new entry last). */
  readonly entries = input.required<readonly ColorEntry[]>();
  /** Where the edited entry sits in `entries`. */
  readonly index = input.required<number>();
  readonly picked = output<string>();
  protected readonly hues = PALETTE_HUES;
  protected readonly shades = PALETTE_SHADES;
  protected readonly value = computed(() => this.entries()[this.index()]?.color ?? '');
  protected readonly preview = computed(() => ({ name: this.entries()[this.index()]?.name || '—', color: this.value() }));
  protected readonly previewColors = computed(() => this.entries().map((entry) => entry.color ?? ''));
  /** The themes on whose card the picked swatch is below 3:1 (the pie then uses a stronger shade of it). */
  protected readonly lowContrast = computed(() => {
    const themes = (['dark', 'light'] as const).filter((theme) => isLowContrast(this.value(), theme));
    return themes.length ? themes.map((theme) => this.i18n.t(theme === 'dark' ? 'catalog.themeDark' : 'catalog.themeLight')).join(', ') : null;
  });
}
