import { FocusTrapFactory, type FocusTrap } from '@angular/cdk/a11y';
import { DestroyRef, afterNextRender, inject, type ElementRef, type Signal } from '@angular/core';

/** A form opens on its first field; otherwise cdk picks the `cdkFocusInitial` element or the first tabbable one. */
const FIRST_FIELD = 'input:not([readonly]):not([type=hidden]), select, textarea';

/** Open overlays, oldest first: Escape closes only the last one (a confirmation over a form). */
const open: object[] = [];

/**
 * What a modal overlay owes the keyboard (call in a constructor): Tab stays inside `panel` (cdk's focus
 * trap), focus starts inside it, and goes back to what had it before the overlay opened. The answer
 * tells whether this overlay is the top one, the one Escape is for.
 */
export function trapOverlayFocus(panel: Signal<ElementRef<HTMLElement>>): () => boolean {
  const self = {};
  open.push(self);
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const traps = inject(FocusTrapFactory);
  let trap: FocusTrap | null = null;
  afterNextRender(() => {
    const root = panel().nativeElement;
    trap = traps.create(root);
    const field = root.querySelector<HTMLElement>(FIRST_FIELD);
    if (field) field.focus();
    else trap.focusInitialElement();
  });
  inject(DestroyRef).onDestroy(() => {
    open.splice(open.indexOf(self), 1);
    trap?.destroy();
    if (opener?.isConnected) opener.focus();
  });
  return () => open[open.length - 1] === self;
}

let next = 0;
/** A page-unique id for aria-labelledby / aria-describedby. */
export const overlayId = (prefix: string): string => `${prefix}-${++next}`;
