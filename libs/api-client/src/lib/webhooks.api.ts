import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CreatedWebhookEndpoint, Page, WebhookDeliveryView, WebhookEndpointView, WebhookEvent } from '@fasto/contracts';
import type { Observable } from 'rxjs';
import { API_BASE_URL } from './api-base-url';
import { toHttpParams } from './query-params';

export interface CreateWebhookRequest {
  url: string;
  events: WebhookEvent[];
}

export interface UpdateWebhookRequest {
  url?: string;
  events?: WebhookEvent[];
  /** false pauses deliveries; true re-enables a disabled endpoint. */
  isActive?: boolean;
}

/** The organization's outbound webhooks (admins; docs/webhooks.md). */
@Injectable({ providedIn: 'root' })
export class WebhooksApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${inject(API_BASE_URL)}/webhooks`;

  list(): Observable<{ items: WebhookEndpointView[] }> {
    return this.http.get<{ items: WebhookEndpointView[] }>(this.base);
  }

  /** The answer's `secret` is the only time the signing secret is shown. */
  create(request: CreateWebhookRequest): Observable<CreatedWebhookEndpoint> {
    return this.http.post<CreatedWebhookEndpoint>(this.base, request);
  }

  update(id: string, request: UpdateWebhookRequest): Observable<WebhookEndpointView> {
    return this.http.patch<WebhookEndpointView>(`${this.base}/${id}`, request);
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(`${this.base}/${id}`);
  }

  deliveries(id: string, query: { cursor?: string; limit?: number } = {}): Observable<Page<WebhookDeliveryView>> {
    return this.http.get<Page<WebhookDeliveryView>>(`${this.base}/${id}/deliveries`, { params: toHttpParams(query) });
  }

  redeliver(id: string, deliveryId: string): Observable<WebhookDeliveryView> {
    return this.http.post<WebhookDeliveryView>(`${this.base}/${id}/deliveries/${deliveryId}/redeliver`, {});
  }

  /** Sends a signed `ping` now; answers its outcome. */
  test(id: string): Observable<WebhookDeliveryView> {
    return this.http.post<WebhookDeliveryView>(`${this.base}/${id}/test`, {});
  }
}
