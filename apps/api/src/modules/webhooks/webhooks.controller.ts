import { Role, type CreatedWebhookEndpoint, type Page, type WebhookDeliveryView, type WebhookEndpointView } from '@fasto/contracts';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { UserPrincipal } from '../../core/auth/principal';
import { Authorized } from '../../core/decorators/authorized.decorator';
import { CurrentUser } from '../../core/decorators/current-principal.decorator';
import { requestContext } from '../../core/http/request-context';
import { PageQueryDto } from '../../core/pagination/page-query.dto';
import { CreateWebhookDto, UpdateWebhookDto } from './dto/webhook.dto';
import { WebhooksService, type WebhookActor } from './webhooks.service';

const uuid = new ParseUUIDPipe();
const actorOf = (principal: UserPrincipal): WebhookActor => ({
  tenantId: principal.tenantId,
  actorId: principal.userId,
  impersonatorId: principal.impersonatorId,
  apiKeyId: null,
});

/** The tenant admins' outbound webhooks (the web app's Webhooks screen uses these routes). */
@ApiTags('webhooks')
@Controller('webhooks')
@Authorized(Role.Admin)
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @ApiOperation({ summary: 'The organization’s webhook endpoints (without their secrets)' })
  list(): Promise<{ items: WebhookEndpointView[] }> {
    return this.webhooks.list();
  }

  @Post()
  @ApiOperation({ summary: 'Register an endpoint; the answer carries its signing secret, shown this once' })
  create(@CurrentUser() principal: UserPrincipal, @Body() request: CreateWebhookDto, @Req() http: FastifyRequest): Promise<CreatedWebhookEndpoint> {
    return this.webhooks.create(actorOf(principal), request, requestContext(http));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change the URL or events, pause it, or re-enable a disabled endpoint' })
  update(
    @CurrentUser() principal: UserPrincipal,
    @Param('id', uuid) id: string,
    @Body() request: UpdateWebhookDto,
    @Req() http: FastifyRequest,
  ): Promise<WebhookEndpointView> {
    return this.webhooks.update(actorOf(principal), id, request, requestContext(http));
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async remove(@CurrentUser() principal: UserPrincipal, @Param('id', uuid) id: string, @Req() http: FastifyRequest): Promise<void> {
    await this.webhooks.remove(actorOf(principal), id, requestContext(http));
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'The endpoint’s deliveries, newest first: status, attempts, response code, duration' })
  deliveries(@Param('id', uuid) id: string, @Query() query: PageQueryDto): Promise<Page<WebhookDeliveryView>> {
    return this.webhooks.deliveries(id, query);
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @ApiOperation({ summary: 'Send a delivery again now (same body, a new delivery)' })
  redeliver(@Param('id', uuid) id: string, @Param('deliveryId', uuid) deliveryId: string): Promise<WebhookDeliveryView> {
    return this.webhooks.redeliver(id, deliveryId);
  }

  @Post(':id/test')
  @ApiOperation({ summary: 'Send a signed `ping` now and answer with its outcome' })
  test(@Param('id', uuid) id: string): Promise<WebhookDeliveryView> {
    return this.webhooks.test(id);
  }
}
