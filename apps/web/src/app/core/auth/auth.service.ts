import { Injectable, inject } from '@angular/core';
import { Router } from '@angular/router';
import { AuthApi, AuthSession, SessionRefresher } from '@fasto/api-client';
import type { LoginRequest, TokenResponse } from '@fasto/contracts';
import { catchError, firstValueFrom, of, tap, type Observable } from 'rxjs';
import { homeFor } from '../nav/menu';

/** Signing in and out, and the silent restore of the session on page load. */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly api = inject(AuthApi);
  private readonly session = inject(AuthSession);
  private readonly refresher = inject(SessionRefresher);
  private readonly router = inject(Router);

  readonly user = this.session.user;
  readonly impersonator = this.session.impersonator;
  readonly signedIn = this.session.signedIn;

  /** On reload the access token is gone (memory only): the HttpOnly refresh cookie brings it back. */
  restore(): Promise<unknown> {
    return firstValueFrom(this.refresher.restore().pipe(catchError(() => of(null))));
  }

  login(request: LoginRequest): Observable<TokenResponse> {
    return this.api.login(request).pipe(tap((response) => this.session.start(response)));
  }

  /** After sign-in or invite acceptance: the page the guard sent them from, else their home. */
  startWith(response: TokenResponse, returnUrl: string | null): void {
    this.session.start(response);
    const safe = returnUrl && returnUrl.startsWith('/') && !returnUrl.startsWith('//') ? returnUrl : homeFor(response.user.role);
    void this.router.navigateByUrl(safe);
  }

  async logout(): Promise<void> {
    await firstValueFrom(this.api.logout().pipe(catchError(() => of(undefined))));
    this.session.clear();
    await this.router.navigate(['/login']);
  }

  /** Called by the interceptor when a refresh fails. */
  expired(): void {
    void this.router.navigate(['/login'], { queryParams: { expired: 1, returnUrl: this.router.url.startsWith('/login') ? null : this.router.url } });
  }
}
