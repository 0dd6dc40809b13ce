import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { OwnTenant, TenantBranding, TenantSettingsUpdate } from '@fasto/contracts';
import type { Observable } from 'rxjs';
import { API_BASE_URL } from './api-base-url';

/** `/api/tenant`: the caller's own organization (name, branding, settings). */
@Injectable({ providedIn: 'root' })
export class TenantApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${inject(API_BASE_URL)}/tenant`;

  get(): Observable<OwnTenant> {
    return this.http.get<OwnTenant>(this.base);
  }

  /** Admins: name, time zone, branding and notification thresholds. */
  update(request: { name?: string; timezone?: string; branding?: TenantBranding; settings?: TenantSettingsUpdate }): Observable<OwnTenant> {
    return this.http.patch<OwnTenant>(this.base, request);
  }
}
