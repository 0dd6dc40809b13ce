import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { HealthResponse } from '@fasto/contracts';
import type { Observable } from 'rxjs';
import { API_BASE_URL } from './api-base-url';

/** `/api/health*`: liveness and readiness of the API. */
@Injectable({ providedIn: 'root' })
export class HealthApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  live(): Observable<{ status: 'ok' }> {
    return this.http.get<{ status: 'ok' }>(`${this.baseUrl}/health`);
  }

  ready(): Observable<HealthResponse> {
    return this.http.get<HealthResponse>(`${this.baseUrl}/health/ready`);
  }
}
