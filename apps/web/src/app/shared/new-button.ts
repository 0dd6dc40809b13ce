import { ChangeDetectionStrategy, Component } from '@angular/core';
import { Icon } from './icon';

/**
 * A page header's "create" button (new goal, new webhook, invite…): primary, a plus before its word, never a form's submit.
 * `<button appNewButton (click)="creating.set(true)" data-testid="goal-new">{{ newGoal }}</button>`.
 */
@Component({
  // An attribute on the native button, as Material's buttons are: the page's click, test id and focus stay on the button itself.
  // eslint-disable-next-line @angular-eslint/component-selector
  selector: 'button[appNewButton]',
  imports: [Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { type: 'button', class: 'btn-primary' },
  template: `<app-icon name="plus" [size]="16" /><ng-content />`,
})
export class NewButton {}
