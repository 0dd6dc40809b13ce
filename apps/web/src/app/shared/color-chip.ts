import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { paletteHex } from '../core/format/format';

/** A stage or origin name with its palette color as a dot. */
@Component({
  selector: 'app-color-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="chip max-w-full"
    ><span class="size-2 shrink-0 rounded-full ring-1 ring-black/10 dark:ring-white/10" [style.background]="hex()"></span
    ><span class="truncate">{{ name() }}</span></span
  >`,
})
export class ColorChip {
  readonly name = input.required<string>();
  readonly color = input<string | null>(null);
  protected readonly hex = computed(() => paletteHex(this.color()));
}
