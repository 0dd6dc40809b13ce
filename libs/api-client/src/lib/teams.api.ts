import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Page, TeamView } from '@fasto/contracts';
import type { Observable } from 'rxjs';
import { API_BASE_URL } from './api-base-url';
import { toHttpParams } from './query-params';

/** `/api/teams` (admins: every team, managers: their own). */
@Injectable({ providedIn: 'root' })
export class TeamsApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${inject(API_BASE_URL)}/teams`;

  list(query: { cursor?: string; limit?: number } = {}): Observable<Page<TeamView>> {
    return this.http.get<Page<TeamView>>(this.base, { params: toHttpParams(query) });
  }
}
