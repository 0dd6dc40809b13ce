import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { FormProblem } from './form-problem';

/** Every problem of a form, announced at once (role=alert) under it; each field also shows its own. */
@Component({
  selector: 'ui-form-errors',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (problems().length > 0) {
      <ul class="rounded-lg border border-red-500/30 bg-red-500/10 px-3 py-2 text-sm text-red-700 dark:text-red-300" role="alert" [attr.data-testid]="testId()">
        @for (problem of problems(); track $index) {
          <li>{{ problem.message }}</li>
        }
      </ul>
    }
  `,
})
export class FormErrors {
  readonly problems = input<readonly FormProblem[]>([]);
  readonly testId = input('form-errors');
}
