import { booleanAttribute, computed, Directive, inject, input } from '@angular/core';
import { ConfirmButton } from '../dialog/confirm-button';

/** A quiet word (the default), a quiet icon (square, its label also the tooltip), or the row's main action (outlined, like "Testar"). */
export type RowActionLook = 'word' | 'icon' | 'main';

/**
 * A list row's own button (edit, delete, deliveries…): one look on every list, never a form submit, named for
 * the row it acts on by `label` (the visible "Editar" or icon alone does not say which of many rows) and found
 * by the e2e specs by `testId`, red when it destroys: `danger`, or a uiConfirm that asks before a removal (the
 * button matches its confirmation's red OK; `[danger]="false"` quiets both).
 * `<button uiRowAction="icon" [label]="…" testId="…" [uiConfirm]="…" [run]="…"><app-icon …/></button>`.
 */
@Directive({
  selector: 'button[uiRowAction]',
  host: {
    type: 'button',
    '[class.btn-ghost]': "look() !== 'main'",
    '[class.btn-outline]': "look() === 'main'",
    '[class.px-3]': "look() !== 'icon'",
    '[class.text-xs]': "look() !== 'icon'",
    '[class.p-2]': "look() === 'icon'",
    '[class.text-negative]': 'red()',
    '[attr.aria-label]': 'label()',
    '[attr.title]': "look() === 'icon' ? label() : null",
    '[attr.data-testid]': 'testId()',
  },
})
export class RowAction {
  readonly look = input('word', { alias: 'uiRowAction', transform: (look: RowActionLook | '') => look || 'word' });
  /** The accessible name when the visible content alone is ambiguous ("Excluir a meta Vendas · Ana"). */
  readonly label = input<string | null>(null);
  readonly testId = input.required<string>();
  /** Red, for an action that removes or cuts off without asking first (sign a device out). */
  readonly danger = input(false, { transform: booleanAttribute });
  private readonly confirm = inject(ConfirmButton, { self: true, optional: true });
  protected readonly red = computed(() => this.danger() || !!this.confirm?.danger());
}
