import type { OwnTenant } from '@fasto/contracts';
import type { MessageKey } from '../../core/i18n/messages';

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

export function settingsRequest(draft: SettingsDraft) {
  return {
    name: draft.name.trim(),
    timezone: draft.timezone,
    branding: { logoUrl: draft.logoUrl.trim() || null, primaryColor: draft.primaryColor.trim().toLowerCase() || null },
    settings: { lowScoreThreshold: Number(draft.lowScoreThreshold), firstResponseSlaMinutes: Number(draft.firstResponseSlaMinutes) },
  };
}
