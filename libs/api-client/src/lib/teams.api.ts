import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Page, TeamView } from '@fasto/contracts';
import type { Observable } from 'rxjs';
import { API_BASE_URL } from './api-base-url';
import { toHttpParams } from './query-params';

/** `memberIds` makes exactly these people the team's members. */
export interface TeamRequest {
  name?: string;
  funnelId?: string | null;
  originGroupId?: string | null;
  memberIds?: string[];
}

/** `/api/teams` (admins: every team, managers: their own). */
@Injectable({ providedIn: 'root' })
export class TeamsApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${inject(API_BASE_URL)}/teams`;

  /** Assign a funnel or origin group (null clears it), rename, or set members. */
  update(id: string, request: TeamRequest): Observable<TeamView> {
    return this.http.patch<TeamView>(`${this.base}/${encodeURIComponent(id)}`, request);
  }

  get(id: string): Observable<TeamView> {
    return this.http.get<TeamView>(`${this.base}/${encodeURIComponent(id)}`);
  }

  create(request: TeamRequest & { name: string }): Observable<TeamView> {
    return this.http.post<TeamView>(this.base, request);
  }

  delete(id: string): Observable<void> {
    return this.http.delete<void>(`${this.base}/${encodeURIComponent(id)}`);
  }

  list(query: { cursor?: string; limit?: number } = {}): Observable<Page<TeamView>> {
    return this.http.get<Page<TeamView>>(this.base, { params: toHttpParams(query) });
  }
}
