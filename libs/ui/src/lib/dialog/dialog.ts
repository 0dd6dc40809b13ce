import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { UI_TEXT } from '../ui-text/ui-text';
import { ModalOverlay } from './modal-overlay';
import { overlayId } from './overlay-focus';

/**
 * A centred modal dialog over a dimmed page, labelled by its title: Escape, the close button or the
 * backdrop close it (the parent removes it on `closed`); focus is trapped inside and returns to the opener.
 */
@Component({
  selector: 'ui-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div
      class="fixed inset-0 z-50 grid place-items-center p-4"
      role="dialog"
      aria-modal="true"
      [attr.aria-labelledby]="titleId"
      [attr.aria-describedby]="describedBy()"
      [attr.data-testid]="testId()"
    >
      <div class="absolute inset-0 bg-black/60 backdrop-blur-[2px]" aria-hidden="true" (click)="closed.emit()"></div>
      <section #panel class="card relative flex max-h-[90dvh] w-full max-w-lg flex-col shadow-2xl">
        <header class="flex items-center gap-3 border-b border-zinc-200 px-5 py-4 dark:border-zinc-800">
          <h2 class="min-w-0 flex-1 truncate text-lg font-semibold" [id]="titleId">{{ title() }}</h2>
          <button type="button" class="btn-ghost p-2" [attr.aria-label]="text.close()" (click)="closed.emit()" data-testid="dialog-close">
            <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true">
              <path d="M6 6l12 12M18 6L6 18" />
            </svg>
          </button>
        </header>
        <div class="overflow-y-auto px-5 py-5"><ng-content /></div>
      </section>
    </div>
  `,
})
export class Dialog extends ModalOverlay {
  protected readonly text = inject(UI_TEXT);
  readonly title = input.required<string>();
  /** The id of the text that explains the dialog (a confirmation's question). */
  readonly describedBy = input<string | null>(null);
  protected readonly titleId = overlayId('ui-dialog-title');
}
