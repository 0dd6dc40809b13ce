import { ErrorCode, type CreatedWebhookEndpoint, type Page, type WebhookDeliveryView, type WebhookEndpointView } from '@fasto/contracts';
import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import type { AppConfig } from '../../core/config/app-config';
import { InjectConfig } from '../../core/config/config.module';
import { newId } from '../../core/database/ids';
import { Transactions } from '../../core/database/transactions';
import { apiError } from '../../core/errors/api-error';
import type { RequestContext } from '../../core/http/request-context';
import { pageSize, type PageQueryDto } from '../../core/pagination/page-query.dto';
import { auditDiff } from '../audit/audit-diff';
import { AuditService } from '../audit/audit.service';
import type { CreateWebhookDto, UpdateWebhookDto } from './dto/webhook.dto';
import type { WebhookEndpoint } from './entities/webhook-endpoint.entity';
import { toDeliveryView, toEndpointView } from './webhook.mapper';
import { WebhookDispatcher } from './webhook-dispatcher';
import { eventBody, WebhookOutbox } from './webhook-outbox';
import { WebhookSecrets } from './webhook-secrets';
import { refusedUrl } from './webhook-targets';
import { WebhooksRepository } from './webhooks.repository';

/** Who changes an endpoint: an admin (user id) or n8n's trigger node (API key id). */
export interface WebhookActor {
  tenantId: string;
  actorId: string | null;
  impersonatorId?: string | null;
  apiKeyId: string | null;
}

/** Outbound webhook endpoints of the current tenant, their delivery log, redelivery and the test ping. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly repository: WebhooksRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly secrets: WebhookSecrets,
    private readonly outbox: WebhookOutbox,
    private readonly dispatcher: WebhookDispatcher,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async list(): Promise<{ items: WebhookEndpointView[] }> {
    return { items: (await this.repository.listEndpoints()).map(toEndpointView) };
  }

  /** The secret is in this answer and nowhere else, ever. */
  async create(actor: WebhookActor, request: CreateWebhookDto, context: RequestContext): Promise<CreatedWebhookEndpoint> {
    await this.assertTarget(request.url);
    const secret = this.secrets.generate();
    const id = newId();
    const endpoint = await this.transactions.run(async () => {
      await this.repository.insertEndpoint({
        id,
        url: request.url,
        events: request.events,
        secretCiphertext: this.secrets.encrypt(secret),
        isActive: true,
        consecutiveFailures: 0,
        disabledAt: null,
        apiKeyId: actor.apiKeyId,
      });
      await this.record(actor, 'webhook.created', id, { url: request.url, events: request.events }, context);
      return this.find(id);
    });
    this.outbox.forget(actor.tenantId);
    return { ...toEndpointView(endpoint), secret };
  }

  async update(actor: WebhookActor, id: string, request: UpdateWebhookDto, context: RequestContext): Promise<WebhookEndpointView> {
    if (request.url !== undefined) await this.assertTarget(request.url);
    const endpoint = await this.transactions.run(async () => {
      const before = await this.find(id);
      // Re-enabling starts a new failure count.
      const fields = { ...request, ...(request.isActive ? { consecutiveFailures: 0, disabledAt: null } : {}) };
      const changes = auditDiff(before, fields);
      if (Object.keys(changes).length > 0) {
        await this.repository.updateEndpoint(before.id, fields);
        await this.record(actor, 'webhook.updated', before.id, changes, context);
      }
      return this.find(before.id);
    });
    this.outbox.forget(actor.tenantId);
    return toEndpointView(endpoint);
  }

  /** `onlyApiKey`: n8n's key may remove only the endpoints it subscribed (404 for the others). */
  async remove(actor: WebhookActor, id: string, context: RequestContext, onlyApiKey = false): Promise<void> {
    await this.transactions.run(async () => {
      const endpoint = await this.find(id);
      if (onlyApiKey && endpoint.apiKeyId !== actor.apiKeyId) throw new NotFoundException('Webhook not found');
      await this.repository.deleteEndpoint(endpoint.id);
      await this.record(actor, 'webhook.deleted', endpoint.id, { url: endpoint.url, events: endpoint.events }, context);
    });
    this.outbox.forget(actor.tenantId);
  }

  async deliveries(id: string, query: PageQueryDto): Promise<Page<WebhookDeliveryView>> {
    const endpoint = await this.find(id);
    const page = await this.repository.deliveryPage(endpoint.id, { cursor: query.cursor, limit: pageSize(query) });
    return { items: page.items.map(toDeliveryView), nextCursor: page.nextCursor };
  }

  /** Sends a logged delivery again, now, as a new delivery with the same body (receivers dedupe on its `id`). */
  async redeliver(id: string, deliveryId: string): Promise<WebhookDeliveryView> {
    const endpoint = await this.find(id);
    const original = await this.repository.findDelivery(endpoint.id, deliveryId);
    if (!original) throw new NotFoundException('Delivery not found');
    return this.sendNow(WebhookOutbox.row(endpoint.id, original.event, original.payload));
  }

  /** A `ping` delivery, sent now, so an admin sees at once whether the receiver answers. */
  async test(id: string): Promise<WebhookDeliveryView> {
    const endpoint = await this.find(id);
    return this.sendNow(WebhookOutbox.row(endpoint.id, 'ping', eventBody('ping', { webhook_id: endpoint.id })));
  }

  private async sendNow(row: ReturnType<typeof WebhookOutbox.row>): Promise<WebhookDeliveryView> {
    await this.repository.insertDeliveries([row]);
    const id = row.id as string;
    await this.dispatcher.attempt(id, new Date());
    const delivery = await this.repository.findDeliveryById(id);
    if (!delivery) throw new NotFoundException('Delivery not found');
    return toDeliveryView(delivery);
  }

  private async assertTarget(url: string): Promise<void> {
    const refused = await refusedUrl(url, this.config.webhooks.allowPrivateTargets);
    if (refused) throw new BadRequestException(apiError(ErrorCode.WebhookUrlRefused, `Webhook URL refused: ${refused}`));
  }

  private async find(id: string): Promise<WebhookEndpoint> {
    const endpoint = await this.repository.findEndpoint(id);
    if (!endpoint) throw new NotFoundException('Webhook not found');
    return endpoint;
  }

  private record(actor: WebhookActor, action: string, id: string, changes: Record<string, unknown>, context: RequestContext) {
    return this.audit.record({
      tenantId: actor.tenantId,
      actorId: actor.actorId,
      impersonatorId: actor.impersonatorId ?? null,
      action,
      entity: 'webhook',
      entityId: id,
      changes: actor.apiKeyId ? { ...changes, apiKeyId: actor.apiKeyId } : changes,
      ...context,
    });
  }
}
