import type { OwnTenant } from '@fasto/contracts';
import type { MessageKey } from '../../core/i18n/messages';
import { failedRules, type FieldError } from '../../shared/form-problems';

export interface SettingsDraft {
  name: string;
  timezone: string;
  logoUrl: string;
  primaryColor: string;
  lowScoreThreshold: string;
  firstResponseSlaMinutes: string;
}

export const settingsDraftOf = (tenant: OwnTenant): SettingsDraft => ({
  name: tenant.name,
  timezone: tenant.timezone,
  logoUrl: tenant.branding.logoUrl ?? '',
  primaryColor: tenant.branding.primaryColor ?? '',
  lowScoreThreshold: String(tenant.settings.lowScoreThreshold),
  firstResponseSlaMinutes: String(tenant.settings.firstResponseSlaMinutes),
});

const wholeIn = (value: string, min: number, max: number) => /^\d+$/.test(value.trim()) && Number(value) >= min && Number(value) <= max;

/**
 * The API's rules for `PATCH /tenant`, checked before sending. `unread`: the number inputs whose text the browser
 * could not read as a number (such as "-" or "5e"), whose draft still holds the last number.
 */
export function settingsErrors(draft: SettingsDraft, knownZones: readonly string[], unread: readonly (keyof SettingsDraft)[] = []): FieldError[] {
  const logoUrl = draft.logoUrl.trim();
  const color = draft.primaryColor.trim();
  return failedRules(
    ['name', 'settings.err.name', !draft.name.trim()],
    ['timezone', 'settings.err.timezone', knownZones.length > 0 && !knownZones.includes(draft.timezone)],
    ['branding.logoUrl', 'settings.err.logo', logoUrl !== '' && !/^https:\/\/\S+$/.test(logoUrl)],
    ['branding.primaryColor', 'settings.err.color', color !== '' && !/^#[0-9a-fA-F]{6}$/.test(color)],
    ['settings.lowScoreThreshold', 'settings.err.score', unread.includes('lowScoreThreshold') || !wholeIn(draft.lowScoreThreshold, 0, 100)],
    ['settings.firstResponseSlaMinutes', 'settings.err.sla', unread.includes('firstResponseSlaMinutes') || !wholeIn(draft.firstResponseSlaMinutes, 1, 1440)],
  );
}

/** The two alert thresholds: whole numbers in a range, each with its help line. */
export const ALERT_NUMBERS = [
  { id: 'settings-score', key: 'lowScoreThreshold', label: 'settings.lowScore', hint: 'settings.lowScoreHelp', min: 0, max: 100 },
  { id: 'settings-sla', key: 'firstResponseSlaMinutes', label: 'settings.sla', hint: 'settings.slaHelp', min: 1, max: 1440 },
] as const satisfies readonly { id: string; key: keyof SettingsDraft; label: MessageKey; hint: MessageKey; min: number; max: number }[];

export function settingsRequest(draft: SettingsDraft) {
  return {
    name: draft.name.trim(),
    timezone: draft.timezone,
    branding: { logoUrl: draft.logoUrl.trim() || null, primaryColor: draft.primaryColor.trim().toLowerCase() || null },
    settings: { lowScoreThreshold: Number(draft.lowScoreThreshold), firstResponseSlaMinutes: Number(draft.firstResponseSlaMinutes) },
  };
}
