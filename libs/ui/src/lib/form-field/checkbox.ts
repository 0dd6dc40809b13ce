import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

/** A checkbox with its text as the label (a click on the text ticks it too); `changed` tells the new state. */
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
        [attr.name]="name()"
        [attr.data-testid]="testId()"
        (change)="changed.emit($any($event.target).checked)"
      />
      <ng-content />
    </label>
  `,
})
export class Checkbox {
  readonly checked = input(false);
  readonly name = input<string | null>(null);
  readonly testId = input<string | null>(null);
  readonly changed = output<boolean>();
}
