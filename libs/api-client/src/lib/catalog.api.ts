import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { FunnelView, OriginGroupView, Page } from '@fasto/contracts';
import type { Observable } from 'rxjs';
import { API_BASE_URL } from './api-base-url';
import { toHttpParams } from './query-params';

/** `/api/funnels` and `/api/origin-groups` (admins only). */
@Injectable({ providedIn: 'root' })
export class CatalogApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  funnels(query: { cursor?: string; limit?: number } = {}): Observable<Page<FunnelView>> {
    return this.http.get<Page<FunnelView>>(`${this.base}/funnels`, { params: toHttpParams(query) });
  }

  originGroups(query: { cursor?: string; limit?: number } = {}): Observable<Page<OriginGroupView>> {
    return this.http.get<Page<OriginGroupView>>(`${this.base}/origin-groups`, { params: toHttpParams(query) });
  }
}
