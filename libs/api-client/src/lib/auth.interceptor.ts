import { HttpErrorResponse, type HttpEvent, type HttpHandlerFn, type HttpInterceptorFn, type HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, switchMap, throwError, type Observable } from 'rxjs';
import { API_BASE_URL } from './api-base-url';
import { AuthApi } from './auth.api';
import { AuthSession } from './auth-session';
import { SessionRefresher } from './session-refresher';

const withToken = (request: HttpRequest<unknown>, token: string | null) =>
  token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;

/**
 * Adds the in-memory access token to API calls; on a 401 renews it once (shared by every request
 * failing at that moment) and replays the request. Sign-out happens only when the renewal fails.
 */
export const authInterceptor: HttpInterceptorFn = (request: HttpRequest<unknown>, next: HttpHandlerFn): Observable<HttpEvent<unknown>> => {
  const base = inject(API_BASE_URL);
  if (!request.url.startsWith(base)) return next(request);
  const session = inject(AuthSession);
  const auth = inject(AuthApi);
  const refresher = inject(SessionRefresher);
  const sentToken = session.accessToken();

  return next(withToken(request, sentToken)).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401 || auth.isSessionEndpoint(request.url) || !sentToken) {
        return throwError(() => error);
      }
      // Another request already renewed the token while this one was in flight: just replay.
      const current = session.accessToken();
      if (current && current !== sentToken) return next(withToken(request, current));
      return refresher.refresh().pipe(
        catchError(() => throwError(() => error)),
        switchMap((token) => next(withToken(request, token))),
      );
    }),
  );
};
