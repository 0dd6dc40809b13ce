import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AuditLogView, Page } from '@fasto/contracts';
import type { Observable } from 'rxjs';
import { API_BASE_URL } from './api-base-url';
import { toHttpParams } from './query-params';

export interface AuditLogQuery {
  /** Super admins only; admins always get their own tenant. */
  tenantId?: string;
  actorId?: string;
  entity?: string;
  action?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

/** `GET /api/audit-logs`, newest first. */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${inject(API_BASE_URL)}/audit-logs`;

  list(query: AuditLogQuery = {}): Observable<Page<AuditLogView>> {
    return this.http.get<Page<AuditLogView>>(this.base, { params: toHttpParams(query) });
  }
}
