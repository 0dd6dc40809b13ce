import { computed, Directive, input, model } from '@angular/core';
import { paletteHex } from '../../core/format/format';

/**
 * The swatch that opens and closes one color picker of the page: it shows the color, says whether its picker is open
 * (aria-expanded), and of the page's pickers only one is open (`picking` names it, null when none).
 * `<button appSwatchToggle="entry-1" [color]="entry.color" [(picking)]="picking" class="size-6" aria-label="…"></button>`.
 */
@Directive({
  selector: 'button[appSwatchToggle]',
  host: {
    type: 'button',
    class: 'shrink-0 rounded-md ring-1 ring-black/10 dark:ring-white/10',
    '[style.background]': 'hex()',
    '[attr.aria-expanded]': 'open()',
    '(click)': 'picking.set(open() ? null : key())',
  },
})
export class SwatchToggle {
  /** Which picker this swatch opens. */
  readonly key = input.required<string>({ alias: 'appSwatchToggle' });
  readonly color = input.required<string | null | undefined>();
  /** The open picker's key, shared by all the page's swatches. */
  readonly picking = model<string | null>(null);
  protected readonly open = computed(() => this.picking() === this.key());
  protected readonly hex = computed(() => paletteHex(this.color()));
}
