import { ErrorCode, WEBHOOK_EVENTS } from '@fasto/contracts';
import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiProperty } from '@nestjs/swagger';
import { answer, commonErrors, error, example, failure } from '../integration/integration.openapi';
import { CreateWebhookDto } from './dto/webhook.dto';

/** The answer to a subscription: the endpoint's id and its signing secret, shown this once. */
export class SubscribedWebhookDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'HMAC-SHA256 key of `X-Fasto-Signature`; store it now, it is never shown again', example: 'whsec_…' })
  secret!: string;
}

const subscription = { url: 'https://n8n.example.com/webhook/3f1c2a9e-fasto-trigger', events: ['attendance.created', 'attendance.converted'] };
const subscribed: SubscribedWebhookDto = { id: '0193a1f2-6c1e-7d3a-9b2e-1c4d5e6f7ac0', secret: 'whsec_4q9VbYh2mZk1cT0rX8sN3pLw7eJd6uGa' };

export const ApiSubscribeWebhook = () =>
  applyDecorators(
    ...commonErrors(),
    ApiBody({
      type: CreateWebhookDto,
      examples: {
        n8n: example('The Fasto Trigger node of an n8n workflow', subscription),
        everything: example('Every event', { url: subscription.url, events: [...WEBHOOK_EVENTS] }),
      },
    }),
    answer({ status: 201, description: 'Subscribed', type: SubscribedWebhookDto, examples: { subscribed: example('Id and secret', subscribed) } }),
    failure(400, 'Invalid fields, or a URL that is not a public http(s) server (nothing stored)', {
      invalid: example(
        'Unknown event',
        error(400, ErrorCode.ValidationFailed, 'Validation failed: each value in events must be one of the following values: attendance.created', [
          { field: 'events', messages: ['each value in events must be one of the following values: attendance.created'] },
        ]),
      ),
      refused: example(
        'A private address',
        error(400, ErrorCode.WebhookUrlRefused, 'Webhook URL refused: 10.0.0.5 is a private, loopback or link-local address'),
      ),
    }),
    failure(413, 'Body over the size limit', { tooLarge: example('Too large', error(413, ErrorCode.PayloadTooLarge, 'Request body is too large')) }),
  );

export const ApiUnsubscribeWebhook = () =>
  applyDecorators(
    ...commonErrors(),
    answer({ status: 204, description: 'Unsubscribed' }),
    failure(404, 'No endpoint with this id subscribed by this key', {
      unknown: example('Unknown or another key’s endpoint', error(404, ErrorCode.NotFound, 'Webhook not found')),
    }),
  );
