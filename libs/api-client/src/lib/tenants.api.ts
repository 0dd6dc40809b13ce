import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ApiKeyView, CreatedApiKey, Page, TenantDetail, TenantPlan, TenantStatus, TenantSummary, TenantsOverview, TokenResponse } from '@fasto/contracts';
import type { Observable } from 'rxjs';
import { API_BASE_URL } from './api-base-url';
import { toHttpParams } from './query-params';

export interface CreateTenantRequest {
  name: string;
  slug: string;
  plan?: TenantPlan;
  trialDays?: number;
  admin: { email: string; fullName: string };
}

export type TenantTransition = 'suspend' | 'reactivate' | 'cancel';

/** The super admin console: `/api/tenants`, their API keys and `/api/impersonate`. */
@Injectable({ providedIn: 'root' })
export class TenantsApi {
  private readonly http = inject(HttpClient);
  private readonly root = inject(API_BASE_URL);
  private readonly base = `${this.root}/tenants`;

  list(query: { status?: TenantStatus; q?: string; cursor?: string; limit?: number } = {}): Observable<Page<TenantSummary>> {
    return this.http.get<Page<TenantSummary>>(this.base, { params: toHttpParams(query) });
  }

  overview(): Observable<TenantsOverview> {
    return this.http.get<TenantsOverview>(`${this.base}/overview`);
  }

  get(id: string): Observable<TenantDetail> {
    return this.http.get<TenantDetail>(`${this.base}/${encodeURIComponent(id)}`);
  }

  create(request: CreateTenantRequest): Observable<TenantDetail> {
    return this.http.post<TenantDetail>(this.base, request);
  }

  /** Plan and trial end (status moves only through `transition`). */
  update(id: string, request: { plan?: TenantPlan; trialEndsAt?: string | null }): Observable<TenantDetail> {
    return this.http.patch<TenantDetail>(`${this.base}/${encodeURIComponent(id)}`, request);
  }

  transition(id: string, action: TenantTransition): Observable<TenantDetail> {
    return this.http.post<TenantDetail>(`${this.base}/${encodeURIComponent(id)}/${action}`, {});
  }

  apiKeys(id: string): Observable<Page<ApiKeyView>> {
    return this.http.get<Page<ApiKeyView>>(`${this.base}/${encodeURIComponent(id)}/api-keys`);
  }

  createApiKey(id: string, name: string): Observable<CreatedApiKey> {
    return this.http.post<CreatedApiKey>(`${this.base}/${encodeURIComponent(id)}/api-keys`, { name });
  }

  revokeApiKey(id: string, keyId: string): Observable<void> {
    return this.http.delete<void>(`${this.base}/${encodeURIComponent(id)}/api-keys/${encodeURIComponent(keyId)}`);
  }

  /** A one-hour token acting as the tenant's admin; the super admin's own refresh cookie stays untouched. */
  impersonate(id: string): Observable<TokenResponse> {
    return this.http.post<TokenResponse>(`${this.root}/impersonate/${encodeURIComponent(id)}`, {});
  }
}
