import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AcceptInviteRequest,
  ChangePasswordRequest,
  ForgotPasswordRequest,
  InvitationCheckRequest,
  InvitationCheckResponse,
  LoginRequest,
  MeResponse,
  Page,
  ResetPasswordRequest,
  SessionSummary,
  TokenResponse,
} from '@fasto/contracts';
import type { Observable } from 'rxjs';
import { API_BASE_URL } from './api-base-url';

/** `/api/auth/*`. Refresh and logout ride on the HttpOnly cookie the browser sends by itself (same origin). */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${inject(API_BASE_URL)}/auth`;

  login(request: LoginRequest): Observable<TokenResponse> {
    return this.http.post<TokenResponse>(`${this.base}/login`, request);
  }

  /** `null` (204) when the browser holds no session cookie at all. */
  refresh(): Observable<TokenResponse | null> {
    return this.http.post<TokenResponse | null>(`${this.base}/refresh`, {});
  }

  logout(): Observable<void> {
    return this.http.post<void>(`${this.base}/logout`, {});
  }

  me(): Observable<MeResponse> {
    return this.http.get<MeResponse>(`${this.base}/me`);
  }

  sessions(): Observable<Page<SessionSummary>> {
    return this.http.get<Page<SessionSummary>>(`${this.base}/sessions`);
  }

  revokeSession(id: string): Observable<void> {
    return this.http.delete<void>(`${this.base}/sessions/${encodeURIComponent(id)}`);
  }

  forgotPassword(request: ForgotPasswordRequest): Observable<{ message: string }> {
    return this.http.post<{ message: string }>(`${this.base}/password/forgot`, request);
  }

  resetPassword(request: ResetPasswordRequest): Observable<void> {
    return this.http.post<void>(`${this.base}/password/reset`, request);
  }

  changePassword(request: ChangePasswordRequest): Observable<void> {
    return this.http.post<void>(`${this.base}/password/change`, request);
  }

  /** Read-only: whether the invitation link is still good (the link is not used up). */
  checkInvite(request: InvitationCheckRequest): Observable<InvitationCheckResponse> {
    return this.http.post<InvitationCheckResponse>(`${this.base}/invite/check`, request);
  }

  acceptInvite(request: AcceptInviteRequest): Observable<TokenResponse> {
    return this.http.post<TokenResponse>(`${this.base}/invite/accept`, request);
  }

  /** Paths whose 401 means "wrong credentials / no session", never "refresh and retry". */
  isSessionEndpoint(url: string): boolean {
    return url.startsWith(`${this.base}/`) && !url.startsWith(`${this.base}/me`) && !url.startsWith(`${this.base}/sessions`);
  }
}
