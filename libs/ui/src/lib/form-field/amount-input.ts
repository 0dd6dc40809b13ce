import { Directive } from '@angular/core';

/**
 * An input for a typed amount (money, a target): phones show the number pad with a decimal key, the
 * browser offers no autofill, and the figures line up. The page parses the text in the user's language.
 */
@Directive({
  selector: 'input[uiAmount]',
  host: { class: 'input tabular-nums', inputmode: 'decimal', autocomplete: 'off' },
})
export class AmountInput {}
