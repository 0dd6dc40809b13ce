import { booleanAttribute, DestroyRef, Directive, effect, ElementRef, inject, input, signal, ViewContainerRef, type ComponentRef } from '@angular/core';
import { defer } from 'rxjs';
import type { ButtonWork } from '../run-button/run-button';
import { UI_TEXT } from '../ui-text/ui-text';
import { Confirm } from './confirm';

/** What a button does once confirmed: the same kind of work a uiRun button runs straight away. */
export type ConfirmedWork = ButtonWork;

/**
 * Makes a button ask before it acts (delete, revoke, suspend…): a press opens a ui-confirm beside it asking the
 * question (`[uiConfirm]="'Excluir a meta Vendas? Ela deixa o painel.'"`), titled and confirmed by the button's own
 * word ("Excluir"), and only its OK runs `run`, with OK busy until the work settles, and the confirmation cannot be
 * dismissed meanwhile. Done, it closes and focus is back on the button; failed, it stays open saying why
 * (UI_TEXT.failure), focus on OK, to try again or cancel. The page keeps no "which one is being confirmed" state of
 * its own: every row's button holds its own confirmation.
 *
 * `<button [uiConfirm]="question" [run]="() => remove(row)">Excluir</button>`; an icon-only button names its
 * action with `confirmLabel`.
 */
@Directive({
  selector: 'button[uiConfirm]',
  // Never a form's submit: in a dialog's form (delete, deactivate) the press only asks.
  host: { type: 'button', '(click)': 'ask()' },
})
export class ConfirmButton {
  /** The question, its consequence spelled out ("Revogar a chave "CRM"? Integrações que a usam recebem 401."). */
  readonly question = input.required<string>({ alias: 'uiConfirm' });
  /**
   * The confirmation's title and its OK button. By default the button's visible text: what was pressed is what is
   * confirmed ("Revogar" asks, "Revogar" confirms). Only an icon-only button, or one whose word is too short out of
   * its row ("Excluir" for "Excluir meta"), names it.
   */
  readonly confirmLabel = input<string>();
  /** Red OK, as for a removal; `[danger]="false"` for harmless moves (reactivate). A uiRowAction that asks follows it. */
  readonly danger = input(true, { transform: booleanAttribute });
  readonly run = input.required<ConfirmedWork>();

  private readonly text = inject(UI_TEXT);
  private readonly button: HTMLButtonElement = inject(ElementRef).nativeElement;
  private readonly container = inject(ViewContainerRef);
  private readonly busy = signal(false);
  private readonly problem = signal<string | null>(null);
  private readonly confirmation = signal<ComponentRef<Confirm> | null>(null);
  private destroyed = false;

  constructor() {
    inject(DestroyRef).onDestroy(() => (this.destroyed = true));
    // An open confirmation follows the button's inputs. setInput, not createComponent's inputBinding/outputBinding:
    // those put 3.8 kB more of Angular in the initial bundle (486.2 → 482.4 kB).
    effect(() => {
      const confirmation = this.confirmation();
      if (confirmation) this.show(confirmation);
    });
  }

  protected ask(): void {
    if (this.confirmation()) return;
    // A new question: the last one's failure is not this one's.
    this.problem.set(null);
    const confirmation = this.container.createComponent(Confirm);
    this.show(confirmation);
    confirmation.instance.confirmed.subscribe(() => this.confirmed());
    confirmation.instance.cancelled.subscribe(() => this.close());
    this.confirmation.set(confirmation);
  }

  private show(confirmation: ComponentRef<Confirm>): void {
    // An icon-only button forgetting confirmLabel still names its confirmation (by its aria-label), never an empty title.
    confirmation.setInput('action', this.confirmLabel() || this.button.textContent?.trim() || this.button.getAttribute('aria-label') || '');
    confirmation.setInput('message', this.question());
    confirmation.setInput('danger', this.danger());
    confirmation.setInput('busy', this.busy());
    confirmation.setInput('problem', this.problem());
  }

  private confirmed(): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.problem.set(null);
    // Not tied to the button's life: a write the user confirmed runs to its end even if its row goes away meanwhile.
    // defer: a `run` that throws before returning is a failure like any other, not an OK stuck busy.
    defer(() => this.run()()).subscribe({
      complete: () => this.close(),
      error: (error: unknown) => {
        this.busy.set(false);
        this.problem.set(this.text.failure(error));
      },
    });
  }

  private close(): void {
    this.busy.set(false);
    // Once the button is gone its confirmation went with it.
    if (!this.destroyed) this.confirmation()?.destroy();
    this.confirmation.set(null);
  }
}
