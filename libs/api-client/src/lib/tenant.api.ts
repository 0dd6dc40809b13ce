import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { OwnTenant } from '@fasto/contracts';
import type { Observable } from 'rxjs';
import { API_BASE_URL } from './api-base-url';

/** `GET /api/tenant`: the caller's own organization (name, branding). */
@Injectable({ providedIn: 'root' })
export class TenantApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${inject(API_BASE_URL)}/tenant`;

  get(): Observable<OwnTenant> {
    return this.http.get<OwnTenant>(this.base);
  }
}
