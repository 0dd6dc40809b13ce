import { DEFAULT_TENANT_SETTINGS, type TenantSettings, type TenantSettingsUpdate } from '@fasto/contracts';

const KEYS = Object.keys(DEFAULT_TENANT_SETTINGS) as (keyof TenantSettings)[];

/** The known keys that hold a number: rows written before settings were validated may hold `null` or an array's `"0"`. */
export function storedSettings(stored: unknown): Partial<TenantSettings> {
  const settings: Partial<TenantSettings> = {};
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return settings;
  for (const key of KEYS) {
    const value = (stored as Record<string, unknown>)[key];
    if (typeof value === 'number' && Number.isFinite(value)) settings[key] = value;
  }
  return settings;
}

/** Stored settings are partial: defaults fill the rest, so new thresholds need no migration. */
export const effectiveSettings = (stored: unknown): TenantSettings => ({ ...DEFAULT_TENANT_SETTINGS, ...storedSettings(stored) });

/** What to store after an edit: the edit merged into what is stored, a `null` key removed (its default applies again). */
export function mergeSettings(stored: unknown, edit: TenantSettingsUpdate): Partial<TenantSettings> {
  const merged = storedSettings(stored);
  for (const key of KEYS) {
    const value = edit[key];
    if (value === null) delete merged[key];
    else if (value !== undefined) merged[key] = value;
  }
  return merged;
}
