import { Injectable, computed, signal } from '@angular/core';
import type { AuthUser, Impersonator, TokenResponse } from '@fasto/contracts';

/**
 * The signed-in session, in memory only: the access token never touches localStorage or a cookie
 * (the refresh token lives in its HttpOnly cookie, which the page cannot read).
 */
@Injectable({ providedIn: 'root' })
export class AuthSession {
  private readonly state = signal<{ accessToken: string; user: AuthUser; impersonator: Impersonator | null } | null>(null);

  readonly accessToken = computed(() => this.state()?.accessToken ?? null);
  readonly user = computed(() => this.state()?.user ?? null);
  readonly impersonator = computed(() => this.state()?.impersonator ?? null);
  readonly signedIn = computed(() => this.state() !== null);

  start(response: TokenResponse): void {
    this.state.set({ accessToken: response.accessToken, user: response.user, impersonator: response.impersonator ?? null });
  }

  updateUser(user: AuthUser): void {
    this.state.update((state) => (state ? { ...state, user } : state));
  }

  clear(): void {
    this.state.set(null);
  }
}
