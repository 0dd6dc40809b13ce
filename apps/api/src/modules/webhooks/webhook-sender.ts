import { Injectable } from '@nestjs/common';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { AppConfig } from '../../core/config/app-config';
import { InjectConfig } from '../../core/config/config.module';
import { refusedAddress, refusedUrl } from './webhook-targets';
import { SIGNATURE_HEADER, signatureOf } from './webhook-signature';

/** A receiver gets this long to answer; n8n's webhook node answers at once. */
export const DELIVERY_TIMEOUT_MS = 10_000;

export interface DeliveryAttempt {
  /** A 2xx answer. */
  ok: boolean;
  /** The answer's status, null when none came (refused, unreachable, timed out). */
  statusCode: number | null;
  durationMs: number;
  error: string | null;
}

export interface OutgoingDelivery {
  deliveryId: string;
  event: string;
  url: string;
  secret: string;
  body: string;
}

/**
 * POSTs one signed delivery. The target is checked again here (not only when it was registered):
 * the URL first, then every address the connection resolves, in the socket's own DNS lookup, so a
 * name re-pointed at a private address after the check is refused too. Redirects are not followed.
 */
@Injectable()
export class WebhookSender {
  constructor(@InjectConfig() private readonly config: AppConfig) {}

  async send(delivery: OutgoingDelivery, now = new Date()): Promise<DeliveryAttempt> {
    const startedAt = Date.now();
    const allowPrivate = this.config.webhooks.allowPrivateTargets;
    const refused = await refusedUrl(delivery.url, allowPrivate);
    if (refused) return { ok: false, statusCode: null, durationMs: Date.now() - startedAt, error: `refused: ${refused}` };
    const url = new URL(delivery.url);
    const signature = signatureOf(delivery.secret, delivery.body, Math.floor(now.getTime() / 1000));
    return new Promise<DeliveryAttempt>((resolve) => {
      const done = (statusCode: number | null, error: string | null) =>
        resolve({ ok: statusCode !== null && statusCode >= 200 && statusCode < 300, statusCode, durationMs: Date.now() - startedAt, error });
      const request = (url.protocol === 'https:' ? https : http).request(
        url,
        {
          method: 'POST',
          timeout: DELIVERY_TIMEOUT_MS,
          lookup: guardedLookup(allowPrivate),
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(delivery.body),
            'user-agent': 'Fasto-Webhooks/1',
            [SIGNATURE_HEADER]: signature,
            'X-Fasto-Event': delivery.event,
            'X-Fasto-Delivery': delivery.deliveryId,
          },
        },
        (response) => {
          // The answer's body is not kept: drain it so the socket is freed.
          response.resume();
          response.on('end', () => done(response.statusCode ?? null, null));
          response.on('error', (error) => done(response.statusCode ?? null, error.message));
        },
      );
      request.on('timeout', () => request.destroy(new Error(`no answer within ${DELIVERY_TIMEOUT_MS} ms`)));
      request.on('error', (error) => done(null, error.message.slice(0, 500)));
      request.end(delivery.body);
    });
  }
}

/** The socket's DNS lookup, refusing any address the target check would refuse. */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 4);
      const refused = addresses.map(({ address }) => refusedAddress(address, allowPrivate)).find(Boolean);
      if (refused) return callback(new Error(`refused: ${refused}`), '', 4);
      if (options.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
      return callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
