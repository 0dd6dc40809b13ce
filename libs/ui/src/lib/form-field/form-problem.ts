import { computed, signal } from '@angular/core';

/** One thing wrong with a form: `field` names the input it belongs to (the API's field name), null for the whole form. */
export interface FormProblem {
  readonly field: string | null;
  readonly message: string;
}

export const messagesFor = (problems: readonly FormProblem[], field: string): string[] =>
  problems.filter((problem) => problem.field === field).map((problem) => problem.message);

/**
 * The problems a form shows: its own checks (only after the first send attempt) followed by the
 * server's answer to the last attempt.
 */
export class FormCheck {
  private readonly submitted = signal(false);
  readonly server = signal<readonly FormProblem[]>([]);
  readonly problems = computed(() => [...(this.submitted() ? this.check() : []), ...this.server()]);

  constructor(private readonly check: () => readonly FormProblem[] = () => []) {}

  /** A send attempt: shows the form's own problems and forgets the server's; true when it may be sent. */
  submit(): boolean {
    this.submitted.set(true);
    this.server.set([]);
    return this.check().length === 0;
  }
}
