import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import {
  Injector,
  LOCALE_ID,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
  type ApplicationConfig,
} from '@angular/core';
import { provideAnimationsAsync } from '@angular/platform-browser/animations/async';
import { provideRouter, withComponentInputBinding, withInMemoryScrolling } from '@angular/router';
import { ON_SESSION_EXPIRED, authInterceptor } from '@fasto/api-client';
import { appRoutes } from './app.routes';
import { AuthService } from './core/auth/auth.service';
import { FORMAT_LOCALE } from './core/format/format';
import { provideUiText } from './core/i18n/ui-text';
import { PreferencesStore } from './core/preferences/preferences.store';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    // ngx-charts declares @angular/animations triggers; the animation engine is fetched lazily.
    provideAnimationsAsync(),
    provideHttpClient(withFetch(), withInterceptors([authInterceptor])),
    provideRouter(appRoutes, withComponentInputBinding(), withInMemoryScrolling({ scrollPositionRestoration: 'top' })),
    { provide: LOCALE_ID, useValue: FORMAT_LOCALE },
    provideUiText(),
    {
      provide: ON_SESSION_EXPIRED,
      // Resolved on use: AuthService depends (through SessionRefresher) on this very token.
      useFactory: () => {
        const injector = inject(Injector);
        return () => injector.get(AuthService).expired();
      },
    },
    // Theme before the first paint, then the session from the refresh cookie before the first route.
    provideAppInitializer(() => {
      inject(PreferencesStore);
      return inject(AuthService).restore();
    }),
  ],
};
