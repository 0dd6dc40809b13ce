import { booleanAttribute, Directive, input, signal } from '@angular/core';
import { defer, type Observable } from 'rxjs';

/** What a button does when pressed: a request (Observable) or any other async work (Promise), side effects included. */
export type ButtonWork = () => Observable<unknown> | Promise<unknown>;

/**
 * A button that runs its own work (send a test, sign a device out): a press runs `uiRun` and the button stays
 * disabled until the work settles, so it cannot be started twice and the page keeps no "which one is running"
 * state of its own. What the work says (a result, a failure) is the work's to show: a failure here only ends the wait.
 * `<button uiRowAction [label]="…" testId="…" [uiRun]="() => test(endpoint)">Enviar teste</button>`.
 */
@Directive({
  selector: 'button[uiRun]',
  host: { type: 'button', '[disabled]': 'disabled() || busy()', '(click)': 'start()' },
})
export class RunButton {
  readonly work = input.required<ButtonWork>({ alias: 'uiRun' });
  /** Off for reasons of the page's own (nothing to act on); the running work disables it too. */
  readonly disabled = input(false, { transform: booleanAttribute });
  protected readonly busy = signal(false);

  protected start(): void {
    if (this.busy()) return;
    this.busy.set(true);
    // Not tied to the button's life: work the user started runs to its end even if its row goes away meanwhile.
    // defer: a work that throws before returning ends the wait like any other failure.
    defer(() => this.work()()).subscribe({ complete: () => this.busy.set(false), error: () => this.busy.set(false) });
  }
}
