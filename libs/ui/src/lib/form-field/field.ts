import { ChangeDetectionStrategy, Component, Directive, computed, inject, input } from '@angular/core';
import { messagesFor, type FormProblem } from './form-problem';
import { FORM_PROBLEMS } from './form-problems-token';

/**
 * A labelled input with its own error line. The projected control (marked `uiControl`) gets the id,
 * `aria-invalid` and an `aria-describedby` that points at this field's error (and hint), so a screen
 * reader reads the problem when the input has focus. Its problems are the enclosing form's (FORM_PROBLEMS)
 * unless it is given its own.
 */
@Component({
  selector: 'ui-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'block' },
  template: `
    @if (label()) {
      <label class="label" [for]="controlId()">{{ label() }}</label>
    }
    <ng-content />
    @if (hint()) {
      <p class="mt-1 text-xs text-muted" [id]="hintId()">{{ hint() }}</p>
    }
    @if (messages().length > 0) {
      <p class="mt-1 text-xs text-negative" [id]="errorId()" data-testid="field-error">{{ messages().join(' ') }}</p>
    }
  `,
})
export class Field {
  /** The control's DOM id. */
  readonly controlId = input.required<string>();
  /** The field name problems use; the control id when not given. */
  readonly name = input<string | null>(null);
  readonly label = input<string | null>(null);
  readonly hint = input<string | null>(null);
  readonly problems = input<readonly FormProblem[] | null>(null);
  private readonly formProblems = inject(FORM_PROBLEMS, { optional: true });
  readonly messages = computed(() => messagesFor(this.problems() ?? this.formProblems?.() ?? [], this.name() ?? this.controlId()));
  readonly errorId = computed(() => `${this.controlId()}-error`);
  readonly hintId = computed(() => `${this.controlId()}-hint`);
  readonly describedBy = computed(
    () => [this.hint() ? this.hintId() : null, this.messages().length > 0 ? this.errorId() : null].filter(Boolean).join(' ') || null,
  );
}

/** Marks the input, select or textarea a `ui-field` describes. */
@Directive({
  selector: '[uiControl]',
  host: {
    '[id]': 'field.controlId()',
    '[attr.aria-invalid]': "field.messages().length > 0 ? 'true' : null",
    '[attr.aria-describedby]': 'field.describedBy()',
  },
})
export class FieldControl {
  protected readonly field = inject(Field);
}
