import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * The top of a section or card inside a page: its title (an h2 under the page's h1), an optional line of
 * help under it and the section's actions (projected) beside them, wrapping under them when space runs out.
 */
@Component({
  selector: 'ui-section-header',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'block' },
  template: `
    <header class="flex flex-wrap items-center justify-between gap-3">
      <div class="min-w-0">
        <h2 class="font-semibold">{{ title() }}</h2>
        @if (help()) {
          <p class="text-xs text-muted">{{ help() }}</p>
        }
      </div>
      <!-- empty:hidden: a section without actions (or a user not allowed them) leaves no gap. -->
      <div class="flex flex-wrap gap-2 empty:hidden"><ng-content /></div>
    </header>
  `,
})
export class SectionHeader {
  readonly title = input.required<string>();
  readonly help = input<string | null>(null);
}
