import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { targetValue } from './target-value';

export interface FilterOption {
  value: string;
  label: string;
}

/** A select as data: its id, its words and its options. */
export interface SelectField {
  id: string;
  label: string;
  /** The first option's text ("All", "Any"): it clears the filter. */
  allLabel: string;
  options: readonly FilterOption[];
  testId?: string;
}

/** One select of a filter bar; the first option ("All", "Any") clears the filter. */
@Component({
  selector: 'ui-select-filter',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'block' },
  template: `
    <label class="label" [for]="field().id">{{ field().label }}</label>
    <select [id]="field().id" class="input" (change)="changed.emit(pick($event))" [attr.data-testid]="field().testId ?? null">
      <option value="" [selected]="!value()">{{ field().allLabel }}</option>
      @for (option of field().options; track option.value) {
        <option [value]="option.value" [selected]="option.value === value()">{{ option.label }}</option>
      }
    </select>
  `,
})
export class SelectFilter {
  readonly field = input.required<SelectField>();
  readonly value = input<string | null | undefined>(null);
  readonly changed = output<string>();

  protected readonly pick = targetValue;
}
