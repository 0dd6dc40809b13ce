import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { PALETTE_HUES, PALETTE_SHADES } from '@fasto/contracts';
import { paletteHex } from '../../core/format/format';
import { I18n } from '../../core/i18n/i18n.service';
import { ColorChip } from '../../shared/color-chip';

/** The palette as swatches (one row per hue), with a live preview of the chip the dashboard will draw. */
@Component({
  selector: 'app-color-picker',
  imports: [ColorChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="space-y-3" data-testid="color-picker">
      <div class="flex items-center gap-2 text-xs text-zinc-500">
        {{ i18n.t('catalog.preview') }}
        <app-color-chip [name]="previewName() || '—'" [color]="value()" data-testid="color-preview" />
        <code class="ml-auto">{{ value() }}</code>
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
                [style.background]="hex(color)"
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
  readonly value = input.required<string>();
  readonly previewName = input('');
  readonly picked = output<string>();
  protected readonly hues = PALETTE_HUES;
  protected readonly shades = PALETTE_SHADES;
  protected readonly hex = paletteHex;
}
