import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { paletteHex } from '../core/format/format';

/** A stage's or origin's name and palette color: what the chip shows. */
export interface ColorEntry {
  name: string;
  color: string | null;
}

/** A stage or origin name with its palette color as a dot; a dash when there is none. */
@Component({
  selector: 'app-color-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@if (entry(); as entry) {
      <span class="chip max-w-full"
        ><span class="size-2 shrink-0 rounded-full ring-1 ring-black/10 dark:ring-white/10" [style.background]="hex()"></span
        ><span class="truncate">{{ entry.name }}</span></span
      >
    } @else {
      <span class="text-muted">—</span>
    }`,
})
export class ColorChip {
  readonly entry = input.required<ColorEntry | null>();
  protected readonly hex = computed(() => paletteHex(this.entry()?.color ?? null));
}
