import { InjectionToken } from '@angular/core';
import { API_PREFIX } from '@fasto/contracts';

/** Root of every API call; the API serves the app, so the default is same-origin `/api`. */
export const API_BASE_URL = new InjectionToken<string>('API_BASE_URL', {
  providedIn: 'root',
  factory: () => `/${API_PREFIX}`,
});
