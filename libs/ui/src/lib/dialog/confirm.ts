import { afterNextRender, ChangeDetectionStrategy, Component, effect, inject, Injector, input, output, viewChild, type ElementRef } from '@angular/core';
import { UI_TEXT } from '../ui-text/ui-text';
import { Dialog } from './dialog';
import { overlayId } from './overlay-focus';

/**
 * "Are you sure?": titled by the action it asks about, with the consequence spelled out; focus starts on
 * the action, `confirmed` fires once per press. Red unless `danger` is turned off (most ask before removing).
 * While `busy` it cannot be dismissed (Cancel, Escape, the backdrop, ×): the work it started is still running.
 */
@Component({
  selector: 'ui-confirm',
  imports: [Dialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // No box of its own: a confirmation may be written beside the button that opened it (confirm-button.ts).
  host: { class: 'contents' },
  template: `
    <ui-dialog [title]="action()" testId="confirm-dialog" [describedBy]="messageId" (closed)="dismiss()">
      <p class="text-sm text-zinc-600 dark:text-zinc-300" [id]="messageId">{{ message() }}</p>
      @if (problem(); as text) {
        <p class="mt-3 text-sm text-negative" role="alert" data-testid="confirm-problem">{{ text }}</p>
      }
      <div class="mt-6 flex justify-end gap-2">
        <button type="button" class="btn-ghost" [disabled]="busy()" (click)="dismiss()">{{ text.cancel() }}</button>
        <button
          #ok
          type="button"
          cdkFocusInitial
          [class]="danger() ? 'btn bg-red-600 text-white hover:bg-red-500' : 'btn-primary'"
          [disabled]="busy()"
          (click)="confirmed.emit()"
          data-testid="confirm-ok"
        >
          {{ action() }}
        </button>
      </div>
    </ui-dialog>
  `,
})
export class Confirm {
  protected readonly text = inject(UI_TEXT);
  readonly action = input.required<string>();
  readonly message = input.required<string>();
  readonly danger = input(true);
  readonly busy = input(false);
  /** Why the last try failed, shown under the question (the action can be tried again or cancelled). */
  readonly problem = input<string | null>(null);
  readonly confirmed = output<void>();
  readonly cancelled = output<void>();
  protected readonly messageId = overlayId('ui-confirm-message');
  private readonly ok = viewChild.required<ElementRef<HTMLButtonElement>>('ok');

  constructor() {
    // OK was disabled while busy, so the browser dropped the focus outside the modal: a failure gives it back, to try
    // again, once OK is drawn enabled. Not afterRenderEffect: that puts 1.8 kB more of Angular in the initial bundle.
    const injector = inject(Injector);
    effect(() => {
      if (this.problem()) afterNextRender(() => this.ok().nativeElement.focus(), { injector });
    });
  }

  protected dismiss(): void {
    if (!this.busy()) this.cancelled.emit();
  }
}
