import { Injectable, InjectionToken, inject } from '@angular/core';
import type { TokenResponse } from '@fasto/contracts';
import { Observable, finalize, map, shareReplay, tap, catchError, throwError } from 'rxjs';
import { AuthApi } from './auth.api';
import { AuthSession } from './auth-session';

/** The browser holds no session to renew. */
export class NoSessionError extends Error {
  constructor() {
    super('No session to renew');
  }
}

/** What the app does when the session cannot be renewed (e.g. go to the sign-in page). */
export const ON_SESSION_EXPIRED = new InjectionToken<() => void>('ON_SESSION_EXPIRED', {
  providedIn: 'root',
  factory: () => () => undefined,
});

/**
 * Renews the access token with the refresh cookie. Every caller that arrives while a refresh is
 * under way gets the same one: the API rotates the cookie, so a second refresh with the old
 * cookie would look like theft and revoke the whole session.
 */
@Injectable({ providedIn: 'root' })
export class SessionRefresher {
  private readonly auth = inject(AuthApi);
  private readonly session = inject(AuthSession);
  private readonly onExpired = inject(ON_SESSION_EXPIRED);
  private inFlight: Observable<string> | null = null;

  /** A fresh access token; on failure the session is cleared and the app told. */
  refresh(): Observable<string> {
    this.inFlight ??= this.renewed().pipe(
      tap((response: TokenResponse) => this.session.start(response)),
      map((response) => response.accessToken),
      catchError((error: unknown) => {
        const hadSession = this.session.signedIn();
        this.session.clear();
        if (hadSession) this.onExpired();
        return throwError(() => error);
      }),
      finalize(() => (this.inFlight = null)),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.inFlight;
  }

  /** The silent restore on page load: no "session expired" message when there simply was none. */
  restore(): Observable<TokenResponse> {
    return this.renewed().pipe(tap((response) => this.session.start(response)));
  }

  /** The renewal, failing with NoSessionError when the API says there was no session (204). */
  private renewed(): Observable<TokenResponse> {
    return this.auth.refresh().pipe(
      map((response) => {
        if (!response) throw new NoSessionError();
        return response;
      }),
    );
  }
}
