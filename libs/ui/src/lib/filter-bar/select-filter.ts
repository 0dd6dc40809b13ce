import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { targetValue } from './target-value';

export interface FilterOption {
  value: string;
  label: string;
}

/** One select of a filter bar; the first option ("All", "Any") clears the filter. */
@Component({
  selector: 'ui-select-filter',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'block' },
  template: `
    <label class="label" [for]="inputId()">{{ label() }}</label>
    <select [id]="inputId()" class="input" (change)="changed.emit(pick($event))" [attr.data-testid]="testId()">
      <option value="" [selected]="!value()">{{ allLabel() }}</option>
      @for (option of options(); track option.value) {
        <option [value]="option.value" [selected]="option.value === value()">{{ option.label }}</option>
      }
    </select>
  `,
})
export class SelectFilter {
  readonly inputId = input.required<string>();
  readonly label = input.required<string>();
  readonly allLabel = input.required<string>();
  readonly options = input.required<readonly FilterOption[]>();
  readonly value = input<string | null | undefined>(null);
  readonly testId = input<string | null>(null);
  readonly changed = output<string>();

  protected readonly pick = targetValue;
}
