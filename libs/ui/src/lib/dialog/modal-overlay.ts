import { Directive, input, output, viewChild, type ElementRef } from '@angular/core';
import { trapOverlayFocus } from './overlay-focus';

/**
 * What the dialog and the drawer share: a `#panel` that keeps the focus (overlay-focus.ts), `closed` on
 * Escape (heard page-wide, since focus may be on the page body after a click, but only by the top overlay),
 * and no box where the element is written (the overlay is fixed to the screen, wherever it sits in a layout).
 */
@Directive({ host: { class: 'contents', '(document:keydown.escape)': 'escape()' } })
export abstract class ModalOverlay {
  readonly testId = input<string | null>(null);
  readonly closed = output<void>();
  private readonly panel = viewChild.required<ElementRef<HTMLElement>>('panel');
  private readonly isTop = trapOverlayFocus(this.panel);

  protected escape(): void {
    if (this.isTop()) this.closed.emit();
  }
}
