import { DOCUMENT } from '@angular/common';
import { Injectable, effect, inject, signal, untracked } from '@angular/core';
import { AuthSession, TenantApi } from '@fasto/api-client';
import { Role, type OwnTenant } from '@fasto/contracts';

const HEX = /^#[0-9a-fA-F]{6}$/;

/** The accent shades derived from a tenant's primary color (the gold theme's variables, overridden). */
export function accentShades(primary: string): Record<string, string> | null {
  if (!HEX.test(primary)) return null;
  return {
    '--color-gold-200': `color-mix(in oklab, ${primary} 45%, white)`,
    '--color-gold-300': `color-mix(in oklab, ${primary} 70%, white)`,
    '--color-gold-400': primary,
    '--color-gold-500': `color-mix(in oklab, ${primary} 85%, black)`,
    '--color-gold-600': `color-mix(in oklab, ${primary} 70%, black)`,
    '--color-gold-700': `color-mix(in oklab, ${primary} 55%, black)`,
  };
}

/** The signed-in tenant's name, logo and primary color, shared by the shell and the settings screen. */
@Injectable({ providedIn: 'root' })
export class BrandingStore {
  private readonly api = inject(TenantApi);
  private readonly session = inject(AuthSession);
  private readonly root = inject(DOCUMENT).documentElement;
  readonly tenant = signal<OwnTenant | null>(null);

  constructor() {
    // Reload when the acting tenant changes (sign-in, impersonation and its exit).
    effect(() => {
      const user = this.session.user();
      const tenantId = user && user.role !== Role.SuperAdmin ? user.tenantId : null;
      untracked(() => this.load(tenantId));
    });
    effect(() => {
      const shades = accentShades(this.tenant()?.branding.primaryColor ?? '');
      for (const name of Object.keys(accentShades('#000000') ?? {})) this.root.style.removeProperty(name);
      for (const [name, value] of Object.entries(shades ?? {})) this.root.style.setProperty(name, value);
    });
  }

  set(tenant: OwnTenant): void {
    this.tenant.set(tenant);
  }

  private load(tenantId: string | null): void {
    if (this.tenant()?.id === tenantId) return;
    this.tenant.set(null);
    if (!tenantId) return;
    this.api.get().subscribe({ next: (tenant) => this.tenant.set(tenant), error: () => this.tenant.set(null) });
  }
}
