import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

export interface SegmentOption<T extends string> {
  value: T;
  label: string;
}

/** "One of these": a row of toggle buttons, the chosen one pressed (`aria-pressed`, which also styles it), for a short list of choices. */
@Component({
  selector: 'ui-segmented',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    role: 'group',
    class: 'flex flex-wrap rounded-lg border border-zinc-200 bg-white p-0.5 dark:border-zinc-800 dark:bg-zinc-950',
    '[attr.aria-label]': 'label()',
  },
  template: `
    @for (option of options(); track option.value) {
      <button
        type="button"
        class="rounded-md px-2.5 py-1.5 text-xs font-medium text-zinc-600 transition-colors not-aria-pressed:hover:text-zinc-900 aria-pressed:bg-gold-400 aria-pressed:text-black dark:text-zinc-400 dark:not-aria-pressed:hover:text-zinc-100"
        [attr.aria-pressed]="option.value === value()"
        [attr.data-testid]="testIdPrefix() === null ? null : testIdPrefix() + option.value"
        (click)="changed.emit(option.value)"
      >
        {{ option.label }}
      </button>
    }
  `,
})
export class Segmented<T extends string> {
  /** What the choice is about, for screen readers (the group's name). */
  readonly label = input.required<string>();
  readonly options = input.required<readonly SegmentOption<T>[]>();
  readonly value = input<T | null>(null);
  /** Each button's test id is this prefix followed by its value. */
  readonly testIdPrefix = input<string | null>(null);
  readonly changed = output<T>();
}
