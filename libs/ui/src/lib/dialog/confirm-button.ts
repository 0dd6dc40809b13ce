import { DestroyRef, Directive, inject, input, inputBinding, output, outputBinding, signal, ViewContainerRef, type ComponentRef } from '@angular/core';
import { from, type Observable } from 'rxjs';
import { Confirm } from './confirm';

/** What a button does once confirmed: a request (Observable) or any other async work (Promise), side effects included. */
export type ConfirmedWork = () => Observable<unknown> | Promise<unknown>;

/**
 * Makes a button ask before it acts (delete, revoke, suspend…): a press opens a ui-confirm beside it, and only
 * its OK runs `run`, with OK busy until the work settles. Then the confirmation closes and focus is back on
 * the button; a failure is handed to `failed` for the page to show where it shows its errors. The page keeps
 * no "which one is being confirmed" state of its own: every row's button holds its own confirmation.
 */
@Directive({
  selector: 'button[uiConfirm]',
  host: { '(click)': 'ask()' },
})
export class ConfirmButton {
  /** The confirmation's title and its OK button ("Excluir meta"). */
  readonly action = input.required<string>();
  /** The consequence, spelled out. */
  readonly message = input.required<string>();
  /** Red OK, as for a removal; off for harmless moves (reactivate). */
  readonly danger = input(true);
  readonly run = input.required<ConfirmedWork>();
  readonly failed = output<unknown>();

  private readonly container = inject(ViewContainerRef);
  private readonly busy = signal(false);
  private confirmation: ComponentRef<Confirm> | null = null;
  private destroyed = false;

  constructor() {
    inject(DestroyRef).onDestroy(() => (this.destroyed = true));
  }

  protected ask(): void {
    if (this.confirmation) return;
    this.confirmation = this.container.createComponent(Confirm, {
      bindings: [
        inputBinding('action', this.action),
        inputBinding('message', this.message),
        inputBinding('danger', this.danger),
        inputBinding('busy', this.busy),
        outputBinding('confirmed', () => this.confirmed()),
        outputBinding('cancelled', () => this.close()),
      ],
    });
  }

  private confirmed(): void {
    if (this.busy()) return;
    this.busy.set(true);
    // Not tied to the button's life: a write the user confirmed runs to its end even if its row goes away meanwhile.
    from(this.run()()).subscribe({
      complete: () => this.close(),
      error: (error: unknown) => {
        this.close();
        if (!this.destroyed) this.failed.emit(error);
      },
    });
  }

  private close(): void {
    this.busy.set(false);
    // Once the button is gone its confirmation went with it.
    if (!this.destroyed) this.confirmation?.destroy();
    this.confirmation = null;
  }
}
