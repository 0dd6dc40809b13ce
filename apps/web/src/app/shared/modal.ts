import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, afterNextRender, inject, input, output } from '@angular/core';
import { I18n } from '../core/i18n/i18n.service';
import { Icon } from './icon';

/** A centred dialog over a dimmed page: Escape or the backdrop closes it; focus starts and stays inside, and goes back where it was. */
@Component({
  selector: 'app-modal',
  imports: [Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown.escape)': 'closed.emit()', '(keydown.tab)': 'trap($event, false)', '(keydown.shift.tab)': 'trap($event, true)' },
  template: `
    <div class="fixed inset-0 z-50 grid place-items-center p-4" role="dialog" aria-modal="true" [attr.aria-label]="title()" [attr.data-testid]="testId()">
      <button
        type="button"
        class="absolute inset-0 bg-black/60 backdrop-blur-[2px]"
        tabindex="-1"
        [attr.aria-label]="i18n.t('common.close')"
        (click)="closed.emit()"
      ></button>
      <section class="card relative flex max-h-[90dvh] w-full max-w-lg flex-col shadow-2xl">
        <header class="flex items-center gap-3 border-b border-zinc-200 px-5 py-4 dark:border-zinc-800">
          <h2 class="min-w-0 flex-1 truncate text-lg font-semibold">{{ title() }}</h2>
          <button type="button" class="btn-ghost p-2" [attr.aria-label]="i18n.t('common.close')" (click)="closed.emit()">
            <app-icon name="close" [size]="18" />
          </button>
        </header>
        <div class="overflow-y-auto px-5 py-5"><ng-content /></div>
      </section>
    </div>
  `,
})
export class Modal {
  protected readonly i18n = inject(I18n);
  readonly title = input.required<string>();
  readonly testId = input<string | null>(null);
  readonly closed = output<void>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  constructor() {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    inject(DestroyRef).onDestroy(() => opener?.isConnected && opener.focus());
    afterNextRender(() => {
      const root = this.host.nativeElement;
      (
        root.querySelector<HTMLElement>('section input, section select, section textarea') ?? root.querySelector<HTMLElement>('[data-testid=confirm-ok]')
      )?.focus();
    });
  }

  /** Tab and Shift+Tab wrap around inside the dialog instead of reaching the page behind it. */
  protected trap(event: Event, backwards: boolean): void {
    const focusable = Array.from(
      this.host.nativeElement.querySelectorAll<HTMLElement>('section :is(a[href], button, input, select, textarea):not([disabled])'),
    );
    if (focusable.length === 0) return;
    const edge = backwards ? focusable[0] : focusable[focusable.length - 1];
    if (document.activeElement !== edge) return;
    event.preventDefault();
    (backwards ? focusable[focusable.length - 1] : focusable[0]).focus();
  }
}

/** "Are you sure?" with the consequence spelled out; `confirmed` fires once. */
@Component({
  selector: 'app-confirm',
  imports: [Modal],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-modal [title]="title()" testId="confirm-dialog" (closed)="cancelled.emit()">
      <p class="text-sm text-zinc-600 dark:text-zinc-300">{{ message() }}</p>
      <div class="mt-6 flex justify-end gap-2">
        <button type="button" class="btn-ghost" (click)="cancelled.emit()">{{ i18n.t('common.cancel') }}</button>
        <button
          type="button"
          [class]="danger() ? 'btn bg-red-600 text-white hover:bg-red-500' : 'btn-primary'"
          [disabled]="busy()"
          (click)="confirmed.emit()"
          data-testid="confirm-ok"
        >
          {{ action() }}
        </button>
      </div>
    </app-modal>
  `,
})
export class Confirm {
  protected readonly i18n = inject(I18n);
  readonly title = input.required<string>();
  readonly message = input.required<string>();
  readonly action = input.required<string>();
  readonly danger = input(false);
  readonly busy = input(false);
  readonly confirmed = output<void>();
  readonly cancelled = output<void>();
}
