import { ChangeDetectionStrategy, Component, inject, input, output, signal, type OnInit } from '@angular/core';
import type { WebhookDeliveryEvent, WebhookDeliveryStatus, WebhookDeliveryView, WebhookEndpointView } from '@fasto/contracts';
import { WebhooksApi } from '@fasto/api-client';
import { FormatPipe } from '../../core/format/format.pipe';
import { I18n } from '../../core/i18n/i18n.service';
import { Dialog, Skeleton } from '@fasto/ui';
import { DELIVERY_CLASS } from './webhook-form';

const PAGE = 20;

/** One endpoint's deliveries, newest first (status, response code, duration, attempts, time), each can be sent again. */
@Component({
  selector: 'app-webhook-deliveries',
  imports: [Dialog, Skeleton, FormatPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ui-dialog [title]="i18n.t('webhooks.deliveriesOf', { url: endpoint().url })" testId="webhook-deliveries" (closed)="dismissed.emit()">
      @if (failed()) {
        <p class="text-sm text-negative" role="alert">{{ failed() }}</p>
      }
      @if (notice()) {
        <p class="mb-3 text-sm text-positive" role="status">{{ notice() }}</p>
      }
      @if (deliveries(); as list) {
        @if (list.length === 0) {
          <p class="text-sm text-muted">{{ i18n.t('webhooks.deliveriesEmpty') }}</p>
        } @else {
          <ul class="divide-y divide-zinc-100 dark:divide-zinc-900">
            @for (delivery of list; track delivery.id) {
              <li class="flex flex-wrap items-center gap-x-4 gap-y-1 py-3 text-sm" data-testid="webhook-delivery" [attr.data-status]="delivery.status">
                <span class="min-w-0 flex-1 font-medium">{{ i18n.t(eventKey(delivery.event)) }}</span>
                <span [class]="statusClass[delivery.status]" data-testid="delivery-status">{{ i18n.t(statusKey(delivery.status)) }}</span>
                <button type="button" class="btn-outline px-3 py-1 text-xs" [disabled]="busy()" (click)="redeliver(delivery)" data-testid="webhook-redeliver">
                  {{ i18n.t('webhooks.redeliver') }}
                </button>
                <dl class="flex w-full flex-wrap gap-x-4 text-xs text-muted">
                  <div class="flex gap-1">
                    <dt>{{ i18n.t('webhooks.responseCode') }}:</dt>
                    <dd data-testid="delivery-code">{{ delivery.lastResponseCode ?? '—' }}</dd>
                  </div>
                  <div class="flex gap-1">
                    <dt>{{ i18n.t('webhooks.duration') }}:</dt>
                    <dd>{{ delivery.lastDurationMs === null ? '—' : (delivery.lastDurationMs | format: 'integer') + ' ms' }}</dd>
                  </div>
                  <div class="flex gap-1">
                    <dt>{{ i18n.t('webhooks.attempts') }}:</dt>
                    <dd>{{ delivery.attempts }}</dd>
                  </div>
                  <div class="flex gap-1">
                    <dt>{{ i18n.t('webhooks.time') }}:</dt>
                    <dd class="tabular-nums">{{ delivery.deliveredAt ?? delivery.createdAt | format: 'dateTime' }}</dd>
                  </div>
                </dl>
              </li>
            }
          </ul>
          @if (cursor()) {
            <button type="button" class="btn-ghost mt-3 w-full" [disabled]="busy()" (click)="load()">{{ i18n.t('webhooks.more') }}</button>
          }
        }
      } @else if (!failed()) {
        <ui-skeleton shape="rows" />
      }
    </ui-dialog>
  `,
})
export class WebhookDeliveries implements OnInit {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(WebhooksApi);
  readonly endpoint = input.required<WebhookEndpointView>();
  readonly dismissed = output<void>();

  protected readonly statusClass = DELIVERY_CLASS;
  protected readonly deliveries = signal<WebhookDeliveryView[] | null>(null);
  protected readonly cursor = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly failed = signal('');
  protected readonly notice = signal('');

  ngOnInit(): void {
    this.load();
  }

  protected eventKey = (event: WebhookDeliveryEvent) => `webhook.event.${event}` as const;
  protected statusKey = (status: WebhookDeliveryStatus) => `webhooks.delivery.${status}` as const;

  protected load(reset = false): void {
    this.busy.set(true);
    const cursor = reset ? undefined : (this.cursor() ?? undefined);
    this.api.deliveries(this.endpoint().id, { cursor, limit: PAGE }).subscribe({
      next: (page) => {
        this.busy.set(false);
        this.failed.set('');
        this.deliveries.set([...(reset || !cursor ? [] : (this.deliveries() ?? [])), ...page.items]);
        this.cursor.set(page.nextCursor ?? null);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.failed.set(this.i18n.error(error));
      },
    });
  }

  protected redeliver(delivery: WebhookDeliveryView): void {
    this.busy.set(true);
    this.notice.set('');
    this.api.redeliver(this.endpoint().id, delivery.id).subscribe({
      next: () => {
        this.notice.set(this.i18n.t('webhooks.redelivered'));
        this.load(true);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.failed.set(this.i18n.error(error));
      },
    });
  }
}
