import type { CreatedWebhookEndpoint } from '@fasto/contracts';
import { Body, Controller, Delete, HttpCode, HttpStatus, InternalServerErrorException, Param, ParseUUIDPipe, Post, Req, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedRequest } from '../../core/auth/principal';
import { IntegrationRoute } from '../../core/decorators/integration-route.decorator';
import { requestContext } from '../../core/http/request-context';
import { IntegrationRateLimitGuard } from '../integration/integration-rate-limit.guard';
import { CreateWebhookDto } from './dto/webhook.dto';
import { ApiSubscribeWebhook, ApiUnsubscribeWebhook } from './integration-webhooks.openapi';
import { WebhooksService, type WebhookActor } from './webhooks.service';

const actorOf = (request: AuthenticatedRequest): WebhookActor => {
  const principal = request.principal;
  if (principal?.kind !== 'api_key') throw new InternalServerErrorException('API key principal missing');
  return { tenantId: principal.tenantId, actorId: null, apiKeyId: principal.apiKeyId };
};

/** n8n's trigger node subscribes on activation and unsubscribes on deactivation, with the tenant's API key. */
@ApiTags('integration')
@Controller('integration/webhooks')
@IntegrationRoute()
@UseGuards(IntegrationRateLimitGuard)
export class IntegrationWebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @ApiOperation({ summary: 'Subscribe a URL to events; answers its id and signing secret (shown this once)' })
  @ApiSubscribeWebhook()
  async subscribe(@Body() request: CreateWebhookDto, @Req() http: AuthenticatedRequest): Promise<{ id: string; secret: string }> {
    const created: CreatedWebhookEndpoint = await this.webhooks.create(actorOf(http), request, requestContext(http));
    return { id: created.id, secret: created.secret };
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Unsubscribe an endpoint this key subscribed' })
  @ApiUnsubscribeWebhook()
  async unsubscribe(@Param('id', new ParseUUIDPipe()) id: string, @Req() http: AuthenticatedRequest): Promise<void> {
    await this.webhooks.remove(actorOf(http), id, requestContext(http), true);
  }
}
