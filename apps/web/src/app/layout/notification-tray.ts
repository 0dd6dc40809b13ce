import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import type { NotificationType, NotificationView } from '@fasto/contracts';
import { relativeTime } from '../core/i18n/relative-time';
import { I18n } from '../core/i18n/i18n.service';
import { NotificationCenter } from '../core/notifications/notification-center';
import { Icon } from '../shared/icon';

@Component({
  selector: 'app-notification-tray',
  imports: [Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'relative', '(document:click)': 'closeOnOutside($event)', '(document:keydown.escape)': 'open.set(false)' },
  template: `
    <!-- Said politely by screen readers when the unread count changes (the sound stays optional). -->
    <span class="sr-only" aria-live="polite" data-testid="notification-announcement">{{
      center.unread() ? i18n.t('notif.unread', { n: center.unread() ?? 0 }) : ''
    }}</span>
    <button
      type="button"
      class="relative grid size-10 place-items-center rounded-full text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-900"
      [attr.aria-label]="i18n.t('notif.open') + (center.unread() ? ' — ' + i18n.t('notif.unread', { n: center.unread() ?? 0 }) : '')"
      aria-haspopup="dialog"
      [attr.aria-expanded]="open()"
      (click)="toggle()"
      data-testid="notification-bell"
    >
      <app-icon name="bell" />
      @if (center.unread(); as unread) {
        <span
          class="absolute top-1 right-1 grid min-w-4.5 place-items-center rounded-full bg-gold-400 px-1 text-[10px] leading-4.5 font-bold text-black ring-2 ring-white dark:ring-black"
          data-testid="notification-badge"
          >{{ unread > 99 ? '99+' : unread }}</span
        >
      }
    </button>
    @if (open()) {
      <div
        role="dialog"
        [attr.aria-label]="i18n.t('notif.title')"
        class="card fixed inset-x-2 top-16 z-50 flex max-h-[70vh] flex-col shadow-2xl sm:absolute sm:inset-x-auto sm:top-auto sm:right-0 sm:mt-2 sm:w-96"
        data-testid="notification-panel"
      >
        <header class="flex items-center justify-between border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
          <h2 class="text-sm font-semibold">{{ i18n.t('notif.title') }}</h2>
          <button
            type="button"
            class="btn-ghost px-2 py-1 text-xs"
            (click)="center.readAll()"
            [disabled]="!center.unread()"
            data-testid="notification-read-all"
          >
            <app-icon name="checkAll" [size]="14" />{{ i18n.t('notif.readAll') }}
          </button>
        </header>
        <ul class="flex-1 overflow-y-auto">
          @if (center.loading() && center.items().length === 0) {
            @for (row of [1, 2, 3]; track row) {
              <li class="space-y-2 px-4 py-3">
                <div class="skeleton h-3 w-2/3"></div>
                <div class="skeleton h-3 w-1/3"></div>
              </li>
            }
          } @else {
            @for (item of center.items(); track item.id) {
              <li class="group flex gap-3 border-b border-zinc-100 px-4 py-3 last:border-0 dark:border-zinc-900" data-testid="notification-item">
                <span class="mt-1.5 size-2 shrink-0 rounded-full" [class]="item.readAt ? 'bg-transparent' : 'bg-gold-400'"></span>
                <button type="button" class="min-w-0 flex-1 text-left" (click)="openItem(item)">
                  <p class="text-sm font-medium" [class.text-muted]="item.readAt">{{ item.title }}</p>
                  @if (item.body) {
                    <p class="line-clamp-2 text-xs text-muted">{{ item.body }}</p>
                  }
                  <p class="mt-1 text-[11px] text-muted">{{ i18n.t(kindKey(item.type)) }} · {{ when(item) }}</p>
                </button>
                @if (!item.readAt) {
                  <button type="button" class="btn-ghost self-start p-1" [attr.aria-label]="i18n.t('notif.markRead')" (click)="center.markRead(item)">
                    <app-icon name="check" [size]="14" />
                  </button>
                }
              </li>
            } @empty {
              <li class="px-4 py-10 text-center text-sm text-muted">{{ i18n.t('notif.empty') }}</li>
            }
          }
        </ul>
      </div>
    }
  `,
})
export class NotificationTray {
  protected readonly i18n = inject(I18n);
  protected readonly center = inject(NotificationCenter);
  private readonly router = inject(Router);
  private readonly host = inject(ElementRef<HTMLElement>);
  protected readonly open = signal(false);
  /** The API sends the kind as a code: the tray names it in the reader's language. */
  protected readonly kindKey = (type: NotificationType) => `notif.kind.${type}` as const;

  protected toggle(): void {
    this.open.set(!this.open());
    if (this.open()) void this.center.load();
  }

  protected when(item: NotificationView): string {
    return relativeTime(item.createdAt, new Date(), this.i18n.language());
  }

  protected openItem(item: NotificationView): void {
    void this.center.markRead(item);
    this.open.set(false);
    if (item.link?.startsWith('/')) void this.router.navigateByUrl(item.link);
  }

  protected closeOnOutside(event: Event): void {
    if (this.open() && !this.host.nativeElement.contains(event.target as Node)) this.open.set(false);
  }
}
