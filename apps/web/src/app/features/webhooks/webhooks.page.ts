import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import type { WebhookEndpointView, WebhookEvent } from '@fasto/contracts';
import { WebhooksApi } from '@fasto/api-client';
import { formatInteger } from '../../core/format/format';
import { FormatPipe } from '../../core/format/format.pipe';
import { I18n } from '../../core/i18n/i18n.service';
import { DeleteButton, type DeleteWords } from '../../shared/delete-button';
import { Icon } from '../../shared/icon';
import { NewButton } from '../../shared/new-button';
import { CardList, CardTemplate, PageHeader, RowAction, RunButton } from '@fasto/ui';
import { tap, type Observable } from 'rxjs';
import { WebhookDeliveries } from './webhook-deliveries';
import { WebhookDialog } from './webhook-dialog';
import { STATE_CLASS, endpointState, pingSucceeded } from './webhook-form';

interface PingOutcome {
  endpointId: string;
  ok: boolean;
  text: string;
}

/** The organization's outbound webhooks (admins; docs/webhooks.md): list, create, edit, delete, test ping, deliveries. */
@Component({
  selector: 'app-webhooks-page',
  imports: [Icon, NewButton, DeleteButton, RowAction, RunButton, WebhookDialog, WebhookDeliveries, PageHeader, CardList, CardTemplate, FormatPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="mx-auto max-w-4xl space-y-5">
      <ui-page-header [title]="i18n.t('nav.webhooks')" [help]="i18n.t('webhooks.help')">
        <button appNewButton (click)="editing.set('new')" data-testid="new-webhook">{{ i18n.t('webhooks.create') }}</button>
      </ui-page-header>

      <ui-card-list testId="webhook" [items]="endpoints()" [failed]="failed()" [texts]="texts()" (retried)="load()">
        <ng-template uiCard [uiCardOf]="endpoints()" let-endpoint>
          <div class="space-y-3">
            <div class="flex flex-wrap items-start gap-3">
              <div class="min-w-0 flex-1">
                <p class="font-mono text-sm break-all" data-testid="webhook-row-url">{{ endpoint.url }}</p>
                <p class="mt-1 text-xs" data-testid="webhook-row-state">
                  <span [class]="stateClass[state(endpoint)]">{{ i18n.t(stateKey(endpoint)) }}</span>
                  <span class="text-muted"> · {{ i18n.t('webhooks.failures') }}: {{ endpoint.consecutiveFailures | format: 'integer' }}</span>
                </p>
              </div>
              <div class="flex flex-wrap items-center gap-1">
                <button uiRowAction="main" [label]="i18n.t('webhooks.testOf', { url: endpoint.url })" testId="webhook-test" [uiRun]="() => test(endpoint)">
                  {{ i18n.t('webhooks.test') }}
                </button>
                <button
                  uiRowAction
                  [label]="i18n.t('webhooks.deliveriesOf', { url: endpoint.url })"
                  testId="webhook-deliveries-open"
                  (click)="viewing.set(endpoint)"
                >
                  {{ i18n.t('webhooks.deliveries') }}
                </button>
                <button uiRowAction="icon" [label]="i18n.t('webhooks.editOf', { url: endpoint.url })" testId="webhook-edit" (click)="editing.set(endpoint)">
                  <app-icon name="settings" [size]="16" />
                </button>
                <app-delete-button [words]="deleteWords" [params]="{ url: endpoint.url }" testId="webhook-delete" [run]="() => remove(endpoint)" />
              </div>
            </div>
            <ul class="flex flex-wrap gap-1.5" [attr.aria-label]="i18n.t('webhooks.events')">
              @for (event of endpoint.events; track event) {
                <li class="chip" data-testid="webhook-row-event">{{ i18n.t(eventKey(event)) }}</li>
              }
            </ul>
            @if (ping(); as outcome) {
              @if (outcome.endpointId === endpoint.id) {
                <p class="text-sm" [class]="outcome.ok ? 'text-positive' : 'text-negative'" role="status" data-testid="webhook-test-outcome">
                  {{ outcome.text }}
                </p>
              }
            }
          </div>
        </ng-template>
      </ui-card-list>
    </div>

    @if (editing(); as target) {
      <app-webhook-dialog [endpoint]="target === 'new' ? null : target" (saved)="load()" (closed)="editing.set(null)" />
    }
    @if (viewing(); as endpoint) {
      <app-webhook-deliveries [endpoint]="endpoint" (dismissed)="viewing.set(null)" />
    }
  `,
})
export class WebhooksPage {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(WebhooksApi);
  protected readonly stateClass = STATE_CLASS;
  protected readonly state = endpointState;
  protected readonly endpoints = signal<WebhookEndpointView[] | null>(null);
  protected readonly failed = signal(false);
  protected readonly deleteWords: DeleteWords = { label: 'webhooks.deleteOf', question: 'webhooks.deleteConfirm', action: 'webhooks.delete' };
  protected readonly texts = computed(() => ({ empty: this.i18n.t('webhooks.empty'), error: this.i18n.t('webhooks.error') }));
  protected readonly editing = signal<WebhookEndpointView | 'new' | null>(null);
  protected readonly viewing = signal<WebhookEndpointView | null>(null);
  protected readonly ping = signal<PingOutcome | null>(null);

  constructor() {
    this.load();
  }

  protected eventKey = (event: WebhookEvent) => `webhook.event.${event}` as const;
  protected stateKey = (endpoint: WebhookEndpointView) => `webhooks.state.${endpointState(endpoint)}` as const;

  protected load(): void {
    this.failed.set(false);
    this.api.list().subscribe({
      next: ({ items }) => this.endpoints.set(items),
      error: () => this.failed.set(true),
    });
  }

  protected test(endpoint: WebhookEndpointView): Observable<unknown> {
    this.ping.set(null);
    return this.api.test(endpoint.id).pipe(
      tap({
        next: (delivery) => {
          const ok = pingSucceeded(delivery);
          const reason = delivery.lastResponseCode === null ? this.i18n.t('webhooks.noResponse') : `HTTP ${delivery.lastResponseCode}`;
          const text = ok
            ? this.i18n.t('webhooks.testOk', { code: delivery.lastResponseCode ?? '—', ms: formatInteger(delivery.lastDurationMs ?? 0) })
            : this.i18n.t('webhooks.testFailed', { reason });
          this.ping.set({ endpointId: endpoint.id, ok, text });
          this.load();
        },
        error: (error: unknown) => this.ping.set({ endpointId: endpoint.id, ok: false, text: this.i18n.error(error) }),
      }),
    );
  }

  protected remove(endpoint: WebhookEndpointView): Observable<unknown> {
    return this.api.remove(endpoint.id).pipe(tap(() => this.load()));
  }
}
