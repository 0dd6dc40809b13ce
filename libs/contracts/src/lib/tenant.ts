export enum TenantStatus {
  Trial = 'trial',
  Active = 'active',
  Suspended = 'suspended',
  Cancelled = 'cancelled',
}

/** Statuses whose users, tokens and API keys are let in. */
export const TENANT_STATUSES_WITH_ACCESS: readonly TenantStatus[] = [TenantStatus.Trial, TenantStatus.Active];

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
