import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ModalOverlay } from './modal-overlay';

/**
 * A modal panel sliding from one side (the phone menu, a record's details): Escape or the backdrop
 * close it, focus is trapped inside and returns to the opener. Name it with `label` or `labelledBy`.
 */
@Component({
  selector: 'ui-drawer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div
      class="fixed inset-0 z-40"
      [class]="hostClass()"
      role="dialog"
      aria-modal="true"
      [attr.aria-label]="label()"
      [attr.aria-labelledby]="labelledBy()"
      [attr.data-testid]="testId()"
    >
      <div class="absolute inset-0 bg-black/60 backdrop-blur-[2px]" aria-hidden="true" (click)="closed.emit()"></div>
      <aside
        #panel
        class="absolute inset-y-0 flex flex-col border-zinc-200 bg-white shadow-2xl dark:border-zinc-800 dark:bg-zinc-950"
        [class]="panelClass()"
        [attr.data-testid]="panelTestId()"
      >
        <ng-content />
      </aside>
    </div>
  `,
})
export class Drawer extends ModalOverlay {
  readonly side = input<'left' | 'right'>('right');
  readonly label = input<string | null>(null);
  readonly labelledBy = input<string | null>(null);
  /** Width and other classes of the sliding panel. */
  readonly width = input('w-full max-w-xl');
  /** Extra classes of the full-screen layer (e.g. `lg:hidden`). */
  readonly hostClass = input('');
  readonly panelTestId = input<string | null>(null);
  protected readonly panelClass = computed(() => `${this.side() === 'left' ? 'left-0 border-r' : 'right-0 border-l'} ${this.width()}`);
}
