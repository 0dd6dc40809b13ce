import { HttpErrorResponse } from '@angular/common/http';
import { DestroyRef, Injectable, effect, inject, signal } from '@angular/core';
import { AuthSession, NotificationStreamError, NotificationsApi, SessionRefresher, type NotificationStreamMessage } from '@fasto/api-client';
import type { NotificationView } from '@fasto/contracts';
import { Subscription, firstValueFrom, timer } from 'rxjs';
import { NotificationSound } from './notification-sound';

const POLL_MS = 10_000;
/** After a 404 (the API has no notifications yet) or a refused stream, wait before asking again. */
const UNAVAILABLE_BACKOFF_MS = 5 * 60_000;
const STREAM_RETRY_MS = 60_000;

/**
 * The bell's state: unread count and the latest notifications. Pushed over SSE when the stream
 * connects, else the unread count is polled every 10 s. A new one plays the sound.
 */
@Injectable({ providedIn: 'root' })
export class NotificationCenter {
  private readonly api = inject(NotificationsApi);
  private readonly session = inject(AuthSession);
  private readonly refresher = inject(SessionRefresher);
  private readonly sound = inject(NotificationSound);

  /** null while unknown or when the API does not offer notifications: the badge stays hidden. */
  readonly unread = signal<number | null>(null);
  readonly items = signal<NotificationView[]>([]);
  readonly loading = signal(false);
  readonly live = signal(false);

  private subscriptions = new Subscription();

  constructor() {
    effect(() => (this.session.signedIn() ? this.start() : this.stop()));
    inject(DestroyRef).onDestroy(() => this.stop());
  }

  async load(): Promise<void> {
    this.loading.set(true);
    try {
      const page = await firstValueFrom(this.api.list({ limit: 20 }));
      this.items.set(page.items);
    } catch {
      this.items.set([]);
    } finally {
      this.loading.set(false);
    }
  }

  async markRead(item: NotificationView): Promise<void> {
    if (item.readAt) return;
    const readAt = new Date().toISOString();
    this.items.update((items) => items.map((other) => (other.id === item.id ? { ...other, readAt } : other)));
    this.unread.update((count) => (count === null ? null : Math.max(0, count - 1)));
    await firstValueFrom(this.api.markRead(item.id)).catch(() => undefined);
  }

  async readAll(): Promise<void> {
    const readAt = new Date().toISOString();
    this.items.update((items) => items.map((item) => ({ ...item, readAt: item.readAt ?? readAt })));
    this.unread.set(0);
    await firstValueFrom(this.api.readAll()).catch(() => undefined);
  }

  private start(): void {
    this.stop();
    this.subscriptions.add(this.api.unreadCount().subscribe({ next: ({ count }) => this.setCount(count), error: () => undefined }));
    this.connect();
  }

  private stop(): void {
    this.subscriptions.unsubscribe();
    this.subscriptions = new Subscription();
    this.live.set(false);
    this.unread.set(null);
    this.items.set([]);
  }

  private connect(): void {
    const subscription = this.api.stream().subscribe({
      next: (message) => this.onMessage(message),
      error: (error: unknown) => {
        this.live.set(false);
        if (error instanceof NotificationStreamError && error.status === 401) {
          // The stream does not go through the interceptor: renew here, then reconnect once.
          this.refresher.refresh().subscribe({ next: () => this.connect(), error: () => undefined });
          return;
        }
        this.poll();
        const missing = error instanceof NotificationStreamError && error.status === 404;
        this.subscriptions.add(timer(missing ? UNAVAILABLE_BACKOFF_MS : STREAM_RETRY_MS).subscribe(() => this.connect()));
      },
      // The server ends the stream when the access token expires: come back with the current one.
      complete: () => {
        this.live.set(false);
        this.subscriptions.add(timer(1000).subscribe(() => this.connect()));
      },
    });
    this.subscriptions.add(subscription);
  }

  private pollSubscription: Subscription | null = null;

  private poll(): void {
    if (this.pollSubscription && !this.pollSubscription.closed) return;
    const run = () => {
      this.pollSubscription = this.api.unreadCount().subscribe({
        next: ({ count }) => {
          this.setCount(count);
          this.pollSubscription = timer(POLL_MS).subscribe(() => (this.live() ? undefined : run()));
          this.subscriptions.add(this.pollSubscription);
        },
        error: (error: unknown) => {
          if (error instanceof HttpErrorResponse && error.status === 404) this.unread.set(null);
          const wait = error instanceof HttpErrorResponse && error.status === 404 ? UNAVAILABLE_BACKOFF_MS : POLL_MS;
          this.pollSubscription = timer(wait).subscribe(() => (this.live() ? undefined : run()));
          this.subscriptions.add(this.pollSubscription);
        },
      });
      this.subscriptions.add(this.pollSubscription);
    };
    run();
  }

  private onMessage(message: NotificationStreamMessage): void {
    this.live.set(true);
    if (message.type === 'unread-count') {
      this.setCount(message.count);
      return;
    }
    this.items.update((items) => [message.notification, ...items.filter((item) => item.id !== message.notification.id)].slice(0, 50));
    if (!message.notification.readAt) this.sound.play();
  }

  /** A higher count than before means something new arrived (the first reading is silent). */
  private setCount(count: number): void {
    const previous = this.unread();
    this.unread.set(count);
    if (previous !== null && count > previous && !this.live()) {
      this.sound.play();
      void this.load();
    }
  }
}
