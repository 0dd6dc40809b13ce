import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { FunnelView, OriginGroupView, Page } from '@fasto/contracts';
import type { Observable } from 'rxjs';
import { API_BASE_URL } from './api-base-url';
import { toHttpParams } from './query-params';

/** Funnels (with stages) and origin groups (with items) share one shape of routes. */
export type CatalogKind = 'funnels' | 'origins';

export interface CatalogEntryFields {
  name?: string;
  color?: string;
  /** Funnel stages only. */
  isWon?: boolean;
}

const PATHS: Record<CatalogKind, { group: string; entries: string }> = {
  funnels: { group: 'funnels', entries: 'stages' },
  origins: { group: 'origin-groups', entries: 'items' },
};

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

  createGroup<T extends FunnelView | OriginGroupView>(kind: CatalogKind, name: string): Observable<T> {
    return this.http.post<T>(this.groupUrl(kind), { name });
  }

  renameGroup<T extends FunnelView | OriginGroupView>(kind: CatalogKind, id: string, name: string): Observable<T> {
    return this.http.patch<T>(this.groupUrl(kind, id), { name });
  }

  deleteGroup(kind: CatalogKind, id: string): Observable<void> {
    return this.http.delete<void>(this.groupUrl(kind, id));
  }

  addEntry<T extends FunnelView | OriginGroupView>(
    kind: CatalogKind,
    id: string,
    fields: Required<Pick<CatalogEntryFields, 'name' | 'color'>> & CatalogEntryFields,
  ): Observable<T> {
    return this.http.post<T>(this.entryUrl(kind, id), fields);
  }

  updateEntry<T extends FunnelView | OriginGroupView>(kind: CatalogKind, id: string, entryId: string, fields: CatalogEntryFields): Observable<T> {
    return this.http.patch<T>(this.entryUrl(kind, id, entryId), fields);
  }

  deleteEntry<T extends FunnelView | OriginGroupView>(kind: CatalogKind, id: string, entryId: string): Observable<T> {
    return this.http.delete<T>(this.entryUrl(kind, id, entryId));
  }

  /** The complete list of the group's entry ids in their new order. */
  reorder<T extends FunnelView | OriginGroupView>(kind: CatalogKind, id: string, ids: string[]): Observable<T> {
    return this.http.put<T>(`${this.entryUrl(kind, id)}/order`, { ids });
  }

  private groupUrl(kind: CatalogKind, id?: string): string {
    return `${this.base}/${PATHS[kind].group}${id ? `/${encodeURIComponent(id)}` : ''}`;
  }

  private entryUrl(kind: CatalogKind, id: string, entryId?: string): string {
    return `${this.groupUrl(kind, id)}/${PATHS[kind].entries}${entryId ? `/${encodeURIComponent(entryId)}` : ''}`;
  }
}
