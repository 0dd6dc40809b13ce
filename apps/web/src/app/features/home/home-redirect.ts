import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Router } from '@angular/router';
import { AuthSession } from '@fasto/api-client';
import { homeFor } from '../../core/nav/menu';

/** `/` sends each role to its own home screen. */
@Component({ selector: 'app-home-redirect', changeDetection: ChangeDetectionStrategy.OnPush, template: '' })
export class HomeRedirect {
  constructor() {
    const user = inject(AuthSession).user();
    void inject(Router).navigateByUrl(user ? homeFor(user.role) : '/login', { replaceUrl: true });
  }
}
