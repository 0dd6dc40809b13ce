import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** The card that holds a list's filters, one wrapping row of fields. */
@Component({
  selector: 'ui-filter-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'block' },
  template: `
    <section class="card flex flex-wrap items-end gap-3 p-4" [attr.data-testid]="testId()">
      <ng-content />
    </section>
  `,
})
export class FilterBar {
  readonly testId = input<string | null>(null);
}

export const targetValue = (event: Event): string => (event.target as HTMLInputElement | HTMLSelectElement).value;
