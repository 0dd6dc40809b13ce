import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { DashboardQuery, DashboardResponse } from '@fasto/contracts';
import type { Observable } from 'rxjs';
import { API_BASE_URL } from './api-base-url';
import { toHttpParams } from './query-params';

/** `GET /api/dashboard`: KPIs, pies, ranking and the daily series for one range and scope. */
@Injectable({ providedIn: 'root' })
export class DashboardApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${inject(API_BASE_URL)}/dashboard`;

  get(query: DashboardQuery = {}): Observable<DashboardResponse> {
    return this.http.get<DashboardResponse>(this.base, { params: toHttpParams(query) });
  }
}
