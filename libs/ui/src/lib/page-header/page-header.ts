import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * The top of a page: its title (with an optional badge beside it, projected with `uiTitleBadge`), an
 * optional line of help under it and the page's actions (projected), side by side from `sm` up and stacked
 * on a phone.
 */
@Component({
  selector: 'ui-page-header',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'block' },
  template: `
    <header class="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
      <div class="min-w-0">
        <!-- A badge beside the title (a status) is projected with the uiTitleBadge attribute. A long title
             wraps (a name is never cut), and the badge moves under it when there is no room beside it. -->
        <h1 class="flex flex-wrap items-center gap-x-3 gap-y-1 text-2xl font-semibold tracking-tight">
          <span class="min-w-0 break-words">{{ title() }}</span
          ><ng-content select="[uiTitleBadge]" />
        </h1>
        @if (help()) {
          <p class="mt-1 text-sm text-muted">{{ help() }}</p>
        }
      </div>
      <!-- empty:hidden: a page without actions (or a user not allowed them) leaves no gap; shrink-0 and
           nowrap: a long help line must not squeeze a button's label onto two lines. -->
      <div class="flex shrink-0 flex-wrap gap-2 whitespace-nowrap empty:hidden"><ng-content /></div>
    </header>
  `,
})
export class PageHeader {
  readonly title = input.required<string>();
  readonly help = input<string | null>(null);
}
