import { Injectable, effect, inject, signal, untracked } from '@angular/core';
import { AuthSession } from '@fasto/api-client';

/** Who was being impersonated: names only, never a token. */
export interface ImpersonatedAccount {
  name: string;
  tenant: string;
}

const KEY = 'fasto.impersonating';

/**
 * An impersonation lives in memory only, so a reload (or its one-hour token running out) brings
 * back the super admin's own session. This remembers, for this tab, that one was running, so its
 * end is said on screen instead of the app silently switching accounts.
 */
@Injectable({ providedIn: 'root' })
export class ImpersonationNotice {
  private readonly session = inject(AuthSession);
  readonly ended = signal<ImpersonatedAccount | null>(null);

  constructor() {
    effect(() => {
      const user = this.session.user();
      const impersonating = this.session.impersonator() !== null;
      untracked(() => {
        if (!user) return;
        if (impersonating) {
          remember({ name: user.fullName, tenant: user.tenantName });
          this.ended.set(null);
          return;
        }
        const previous = recalled();
        if (previous) {
          forget();
          this.ended.set(previous);
        }
      });
    });
  }

  /** The super admin left on purpose: nothing to explain. */
  left(): void {
    forget();
  }

  dismiss(): void {
    this.ended.set(null);
  }
}

function remember(account: ImpersonatedAccount): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(account));
  } catch {
    // Storage can be disabled: the notice is a courtesy, the session itself does not depend on it.
  }
}

function recalled(): ImpersonatedAccount | null {
  try {
    const value = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Partial<ImpersonatedAccount> | null;
    return value && typeof value.name === 'string' && typeof value.tenant === 'string' ? { name: value.name, tenant: value.tenant } : null;
  } catch {
    return null;
  }
}

function forget(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // See remember().
  }
}
