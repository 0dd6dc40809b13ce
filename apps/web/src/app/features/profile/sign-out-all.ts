import { EMPTY, catchError, concat, defer, throwError, type Observable } from 'rxjs';
import { httpStatus } from '../../shared/api-error';

/**
 * Signs out each device in turn. One already signed out (a 404: its own row's button got there first) is what
 * was asked, so the rest still go; any other failure stops (nothing more is sent) and is reported.
 */
export function signOutAll(ids: readonly string[], signOut: (id: string) => Observable<unknown>): Observable<unknown> {
  return concat(
    ...ids.map((id) => defer(() => signOut(id)).pipe(catchError((error: unknown) => (httpStatus(error) === 404 ? EMPTY : throwError(() => error))))),
  );
}
