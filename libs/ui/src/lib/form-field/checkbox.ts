import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';

/**
 * A checkbox with its text as the label (a click on the text ticks it too). `checked` is a model, so a signal
 * form binds it with `[formField]` (its name and disabled state come along) and a plain page with `[(checked)]`.
 */
@Component({
  selector: 'ui-checkbox',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'block' },
  template: `
    <label class="flex cursor-pointer items-center gap-2 text-sm">
      <input
        type="checkbox"
        class="size-4 accent-gold-500"
        [checked]="checked()"
        [disabled]="disabled()"
        [attr.name]="name() || null"
        [attr.data-testid]="testId()"
        (change)="checked.set($any($event.target).checked)"
      />
      <ng-content />
    </label>
  `,
})
export class Checkbox {
  readonly checked = model(false);
  readonly name = input('');
  readonly disabled = input(false);
  readonly testId = input<string | null>(null);
}
