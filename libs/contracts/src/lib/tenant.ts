export enum TenantStatus {
  Trial = 'trial',
  Active = 'active',
  Suspended = 'suspended',
  Cancelled = 'cancelled',
}

/** Statuses whose users, tokens and API keys are let in. */
export const TENANT_STATUSES_WITH_ACCESS: readonly TenantStatus[] = [TenantStatus.Trial, TenantStatus.Active];

/**
 * Plans a super admin can put a tenant on; a new tenant starts on `trial`. Rows written before
 * the list existed may hold other values (the system tenant's `system`): they still read.
 */
export const TENANT_PLANS = ['trial', 'starter', 'pro', 'enterprise'] as const;
export type TenantPlan = (typeof TENANT_PLANS)[number];
export const DEFAULT_TENANT_PLAN: TenantPlan = 'trial';

export function isTenantPlan(value: unknown): value is TenantPlan {
  return (TENANT_PLANS as readonly unknown[]).includes(value);
}

/** Slug of the hidden tenant that holds the super admins. */
export const SYSTEM_TENANT_SLUG = 'system';

export const DEFAULT_TENANT_TIMEZONE = 'America/Sao_Paulo';
export const DEFAULT_TENANT_LOCALE = 'pt-BR';

export interface TenantBranding {
  logoUrl?: string | null;
  primaryColor?: string | null;
}

export interface TenantSettings {
  /** Attendances scored below this notify the managers. */
  lowScoreThreshold: number;
  /** First responses slower than this (minutes) notify the managers. */
  firstResponseSlaMinutes: number;
}

/** A settings edit: a number sets a key, `null` resets it to its default. */
export type TenantSettingsUpdate = { [key in keyof TenantSettings]?: number | null };

export const DEFAULT_TENANT_SETTINGS: TenantSettings = {
  lowScoreThreshold: 50,
  firstResponseSlaMinutes: 60,
};

/** Languages the product speaks; a user without a choice gets the tenant's (pt-BR by default). */
export const SUPPORTED_LOCALES = ['pt-BR', 'en'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

/** The language to write to someone in: their choice, else their tenant's (`en-US` speaks `en`). */
export function languageOf(locale: string): SupportedLocale {
  return locale.toLowerCase().startsWith('en') ? 'en' : 'pt-BR';
}
