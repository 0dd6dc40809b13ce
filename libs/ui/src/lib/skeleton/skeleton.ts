import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { UI_TEXT } from '../ui-text/ui-text';

/**
 * What a placeholder stands for: `lines` of text, list `rows`, card `items`, form `panels`,
 * a `detail` page (heading, summary, body), a `table`'s rows, or `tiles` (cards with a title
 * and two lines, laid out by the grid class the page puts on the element).
 */
export type SkeletonShape = 'lines' | 'rows' | 'items' | 'panels' | 'detail' | 'table' | 'tiles';

/** The bars of the stacked shapes, written out whole so Tailwind finds the classes; they repeat up to `count`. */
const BARS: Record<Exclude<SkeletonShape, 'table' | 'tiles'>, { gap: string; bars: readonly string[] }> = {
  lines: { gap: 'space-y-2', bars: ['h-4', 'h-4 w-2/3'] },
  rows: { gap: 'space-y-2', bars: ['h-12'] },
  items: { gap: 'space-y-3', bars: ['h-24'] },
  panels: { gap: 'space-y-3', bars: ['h-40'] },
  detail: { gap: 'space-y-3', bars: ['h-8 w-64 max-w-full', 'h-24', 'h-40'] },
};

/**
 * The grey placeholders a screen shows while its data loads, in one of a few named shapes, so every
 * screen's loading looks alike. Screen readers hear it too: a hidden status says "loading" (UI_TEXT.loading)
 * and `aria-busy` tells them the content is on its way.
 */
@Component({
  selector: 'ui-skeleton',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'aria-busy': 'true', '[class.block]': "shape() !== 'tiles'" },
  template: `
    <span class="sr-only" role="status">{{ text.loading() }}</span>
    @switch (shape()) {
      @case ('tiles') {
        @for (n of slots(); track n) {
          <div class="card space-y-3 p-5">
            <div class="skeleton h-5 w-1/2"></div>
            <div class="skeleton h-4"></div>
            <div class="skeleton h-4 w-2/3"></div>
          </div>
        }
      }
      @case ('table') {
        <div class="divide-y divide-zinc-100 dark:divide-zinc-900">
          @for (n of slots(); track n) {
            <div class="flex items-center gap-4 px-4 py-4">
              <div class="skeleton h-4 w-20"></div>
              <div class="skeleton h-4 flex-1"></div>
              <div class="skeleton h-4 w-24"></div>
            </div>
          }
        </div>
      }
      @default {
        @if (stack(); as stack) {
          <div [class]="stack.gap">
            @for (bar of stack.bars; track $index) {
              <div class="skeleton" [class]="bar"></div>
            }
          </div>
        }
      }
    }
  `,
})
export class Skeleton {
  protected readonly text = inject(UI_TEXT);
  readonly shape = input<SkeletonShape>('lines');
  /** How many lines, rows, items, panels or tiles; by default two (a detail has its three parts). */
  readonly count = input<number | null>(null);

  protected readonly slots = computed(() => Array.from({ length: this.count() ?? 2 }, (_, n) => n));
  protected readonly stack = computed(() => {
    const shape = this.shape();
    if (shape === 'tiles' || shape === 'table') return null;
    const { gap, bars } = BARS[shape];
    const length = this.count() ?? Math.max(2, bars.length);
    return { gap, bars: Array.from({ length }, (_, n) => bars[n % bars.length]) };
  });
}
