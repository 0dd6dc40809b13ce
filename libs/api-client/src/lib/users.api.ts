import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Page, UserListQuery, UserView } from '@fasto/contracts';
import type { Observable } from 'rxjs';
import { API_BASE_URL } from './api-base-url';
import { toHttpParams } from './query-params';

/** `/api/users`: members (admins see the tenant, managers their team). */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${inject(API_BASE_URL)}/users`;

  list(query: UserListQuery = {}): Observable<Page<UserView>> {
    return this.http.get<Page<UserView>>(this.base, { params: toHttpParams(query) });
  }

  get(id: string): Observable<UserView> {
    return this.http.get<UserView>(`${this.base}/${encodeURIComponent(id)}`);
  }
}
