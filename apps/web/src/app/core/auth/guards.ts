import { inject } from '@angular/core';
import { Router, type CanActivateFn, type CanMatchFn } from '@angular/router';
import { AuthSession } from '@fasto/api-client';
import { homeFor, rolesFor } from '../nav/menu';

/** Signed-in users only; others go to the sign-in page and come back afterwards. */
export const signedInGuard: CanActivateFn = (_route, state) => {
  const session = inject(AuthSession);
  return session.signedIn() ? true : inject(Router).createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};

/** The sign-in screens are for signed-out visitors; a signed-in user goes home. */
export const signedOutGuard: CanActivateFn = () => {
  const user = inject(AuthSession).user();
  return user ? inject(Router).parseUrl(homeFor(user.role)) : true;
};

/** Mirrors the API's role checks for a menu path (deny by default: a path not in the menu is refused). */
export const roleGuard =
  (menuPath: string): CanMatchFn =>
  () => {
    const user = inject(AuthSession).user();
    if (user && rolesFor(menuPath).includes(user.role)) return true;
    return inject(Router).parseUrl(user ? homeFor(user.role) : '/login');
  };
