import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { DigestFrequency, Page, Role, SupportedLocale, UserListQuery, UserView } from '@fasto/contracts';
import type { Observable } from 'rxjs';
import { API_BASE_URL } from './api-base-url';
import { toHttpParams } from './query-params';

export interface ProfileFields {
  fullName?: string;
  phone?: string | null;
  avatarUrl?: string | null;
}

export interface InviteMemberRequest extends ProfileFields {
  email: string;
  fullName: string;
  role: Role;
  teamId?: string | null;
}

/** What an admin may change; managers may send only the profile fields. */
export interface UpdateMemberRequest extends ProfileFields {
  role?: Role;
  teamId?: string | null;
  isActive?: boolean;
}

export interface UpdateMeRequest extends ProfileFields {
  locale?: SupportedLocale | null;
  /** Managers and admins: how often the digest e-mail comes. */
  digest?: DigestFrequency;
}

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

  /** Creates the member and emails them an invitation to set a password. */
  invite(request: InviteMemberRequest): Observable<UserView> {
    return this.http.post<UserView>(this.base, request);
  }

  update(id: string, request: UpdateMemberRequest): Observable<UserView> {
    return this.http.patch<UserView>(`${this.base}/${encodeURIComponent(id)}`, request);
  }

  /** Deactivates (and signs out) the member; reactivate with `update(id, { isActive: true })`. */
  deactivate(id: string): Observable<void> {
    return this.http.delete<void>(`${this.base}/${encodeURIComponent(id)}`);
  }

  updateMe(request: UpdateMeRequest): Observable<UserView> {
    return this.http.patch<UserView>(`${this.base}/me`, request);
  }
}
