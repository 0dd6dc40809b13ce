import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** One option of a `select[uiOptions]`: `id` is its value, `name` its text. */
export interface SelectOption<T extends string = string> {
  readonly id: T;
  readonly name: string;
}

/**
 * Draws a native select's options from data, after an optional empty first one (`none`, its text). The select stays
 * native, so `[formField]` binds it as usual: signal forms watch the select's children and re-apply the bound value
 * when options arrive after it.
 */
@Component({
  // eslint-disable-next-line @angular-eslint/component-selector -- it sits on the native select, so [formField] still binds a native control
  selector: 'select[uiOptions]',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (none() !== undefined) {
      <option value="">{{ none() }}</option>
    }
    @for (option of uiOptions(); track option.id) {
      <option [value]="option.id">{{ option.name }}</option>
    }
  `,
})
export class SelectOptions {
  readonly uiOptions = input.required<readonly SelectOption[]>();
  /** The text of an empty first option ("None", "Choose…"); no such option when not given. */
  readonly none = input<string>();
}
