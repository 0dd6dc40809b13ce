import { Injectable, Logger } from '@nestjs/common';
import { Transactions } from '../../core/database/transactions';
import { DomainEvents } from '../../core/events/domain-events';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { WebhookOutbox } from './webhook-outbox';
import { WebhookSecrets } from './webhook-secrets';
import { DELIVERY_TIMEOUT_MS, WebhookSender } from './webhook-sender';
import { WebhooksRepository } from './webhooks.repository';

const MINUTE_MS = 60_000;
/** A delivery is retried for this long after it was written, then given up. */
export const RETRY_WINDOW_MS = 24 * 60 * MINUTE_MS;
/** Failed attempts in a row (any delivery of the endpoint) that disable it. */
export const DISABLE_AFTER_FAILURES = 15;
/** How long a claimed delivery is this instance's: well past the send timeout, so only a dead instance loses it. */
const LEASE_MS = DELIVERY_TIMEOUT_MS * 6;

/** The wait after the n-th failed attempt: 1, 2, 4, 8… minutes, at most 4 hours. */
export const backoffMs = (attempts: number): number => Math.min(MINUTE_MS * 2 ** Math.max(0, attempts - 1), 4 * 60 * MINUTE_MS);

/**
 * One attempt at one delivery, in its tenant: claim it (so it goes out once across instances),
 * POST it, log the outcome, schedule the retry or give up, and disable an endpoint that keeps failing.
 */
@Injectable()
export class WebhookDispatcher {
  private readonly logger = new Logger('Webhooks');

  constructor(
    private readonly repository: WebhooksRepository,
    private readonly sender: WebhookSender,
    private readonly secrets: WebhookSecrets,
    private readonly transactions: Transactions,
    private readonly events: DomainEvents,
    private readonly context: TenantContext,
    private readonly outbox: WebhookOutbox,
  ) {}

  /** False when another instance had it, or it was not due. */
  async attempt(deliveryId: string, now: Date): Promise<boolean> {
    if (!(await this.repository.claim(deliveryId, now, new Date(now.getTime() + LEASE_MS)))) return false;
    const delivery = await this.repository.findDeliveryById(deliveryId);
    const endpoint = delivery && (await this.repository.findEndpoint(delivery.endpointId));
    if (!delivery || !endpoint) return false;
    if (!endpoint.isActive) {
      await this.repository.recordOutcome(delivery.id, { status: 'failed', nextAttemptAt: null, leaseExpiresAt: null, lastError: 'endpoint disabled' });
      return true;
    }
    const result = await this.sender.send(
      { deliveryId: delivery.id, event: delivery.event, url: endpoint.url, secret: this.secrets.decrypt(endpoint.secretCiphertext), body: delivery.payload },
      now,
    );
    const logged = {
      lastResponseCode: result.statusCode,
      lastDurationMs: result.durationMs,
      lastError: result.error?.slice(0, 500) ?? null,
      leaseExpiresAt: null,
    };
    this.logger.log({ deliveryId, endpointId: endpoint.id, event: delivery.event, ...logged, attempt: delivery.attempts }, 'Webhook delivery attempted');
    if (result.ok) {
      await this.repository.recordOutcome(delivery.id, { ...logged, status: 'delivered', nextAttemptAt: null, deliveredAt: new Date() });
      if (endpoint.consecutiveFailures > 0) await this.repository.updateEndpoint(endpoint.id, { consecutiveFailures: 0 });
      return true;
    }
    const retryAt = new Date(now.getTime() + backoffMs(delivery.attempts));
    const givingUp = retryAt.getTime() > delivery.createdAt.getTime() + RETRY_WINDOW_MS;
    await this.repository.recordOutcome(delivery.id, { ...logged, status: givingUp ? 'failed' : 'pending', nextAttemptAt: givingUp ? null : retryAt });
    await this.countFailure(endpoint.id, endpoint.url, now);
    return true;
  }

  private async countFailure(endpointId: string, url: string, now: Date): Promise<void> {
    const disabled = await this.transactions.run(async () => {
      const failures = await this.repository.countFailure(endpointId);
      if (failures < DISABLE_AFTER_FAILURES || !(await this.repository.disable(endpointId, now))) return false;
      this.logger.warn({ endpointId, failures }, 'Webhook endpoint disabled after consecutive failures');
      await this.events.publish('webhook.disabled', { tenantId: this.context.tenantId(), endpointId, url, failures });
      return true;
    });
    if (disabled) this.outbox.forget(this.context.tenantId());
  }
}
