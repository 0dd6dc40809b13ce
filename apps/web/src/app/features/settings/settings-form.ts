import type { OwnTenant } from '@fasto/contracts';
import type { MessageKey } from '../../core/i18n/messages';
import type { ProblemFields } from '../../shared/form-problems';

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

/** The API's rules for `PATCH /tenant`, checked before sending. */
export function settingsErrors(draft: SettingsDraft, knownZones: readonly string[]): MessageKey[] {
  const errors: MessageKey[] = [];
  if (!draft.name.trim()) errors.push('settings.err.name');
  if (knownZones.length > 0 && !knownZones.includes(draft.timezone)) errors.push('settings.err.timezone');
  if (draft.logoUrl.trim() && !/^https:\/\/\S+$/.test(draft.logoUrl.trim())) errors.push('settings.err.logo');
  if (draft.primaryColor.trim() && !/^#[0-9a-fA-F]{6}$/.test(draft.primaryColor.trim())) errors.push('settings.err.color');
  if (!wholeIn(draft.lowScoreThreshold, 0, 100)) errors.push('settings.err.score');
  if (!wholeIn(draft.firstResponseSlaMinutes, 1, 1440)) errors.push('settings.err.sla');
  return errors;
}

/** The input each message is about, by the API's field names. */
export const SETTINGS_FIELDS: ProblemFields = {
  'settings.err.name': 'name',
  'settings.err.timezone': 'timezone',
  'settings.err.logo': 'branding.logoUrl',
  'settings.err.color': 'branding.primaryColor',
  'settings.err.score': 'settings.lowScoreThreshold',
  'settings.err.sla': 'settings.firstResponseSlaMinutes',
};

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
