import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/** One headline number with its label; a null value shows a skeleton. Extra lines are projected below. */
@Component({
  selector: 'ui-kpi-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'block' },
  template: `
    <div class="card relative h-full overflow-hidden p-4 sm:p-5" [attr.data-testid]="testId()">
      <div class="absolute inset-x-0 top-0 h-px bg-gradient-to-r from-transparent via-gold-500/50 to-transparent"></div>
      <p class="text-xs font-medium tracking-wide text-muted uppercase">{{ label() }}</p>
      @if (value(); as value) {
        <p
          class="mt-2 font-semibold tracking-tight whitespace-nowrap tabular-nums sm:text-3xl"
          [class]="long() ? 'text-base' : 'text-xl'"
          [title]="value"
          data-testid="kpi-value"
        >
          {{ value }}
        </p>
        @if (hint()) {
          <p class="mt-1 text-xs text-muted">{{ hint() }}</p>
        }
        <ng-content />
      } @else {
        <div class="skeleton mt-3 h-7 w-20"></div>
        <div class="skeleton mt-2 h-3 w-28"></div>
      }
    </div>
  `,
})
export class KpiCard {
  readonly label = input.required<string>();
  readonly value = input.required<string | null>();
  readonly hint = input<string | null>(null);
  readonly testId = input('kpi-card');

  /** Long values (money in the millions) get a smaller size on phones instead of being cut off. */
  protected readonly long = computed(() => (this.value() ?? '').length > 11);
}
