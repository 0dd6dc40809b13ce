import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { UI_TEXT } from '../ui-text/ui-text';
import { Dialog } from './dialog';
import { overlayId } from './overlay-focus';

/**
 * "Are you sure?": titled by the action it asks about, with the consequence spelled out; focus starts on
 * the action, `confirmed` fires once per press. Red unless `danger` is turned off (most ask before removing).
 */
@Component({
  selector: 'ui-confirm',
  imports: [Dialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // No box of its own: a confirmation may be written beside the button that opened it (confirm-button.ts).
  host: { class: 'contents' },
  template: `
    <ui-dialog [title]="action()" testId="confirm-dialog" [describedBy]="messageId" (closed)="cancelled.emit()">
      <p class="text-sm text-zinc-600 dark:text-zinc-300" [id]="messageId">{{ message() }}</p>
      @if (problem(); as text) {
        <p class="mt-3 text-sm text-negative" role="alert" data-testid="confirm-problem">{{ text }}</p>
      }
      <div class="mt-6 flex justify-end gap-2">
        <button type="button" class="btn-ghost" (click)="cancelled.emit()">{{ text.cancel() }}</button>
        <button
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
}
