import type { TenantBranding, TenantSettingsUpdate } from '@fasto/contracts';
import type { Tenant } from './entities/tenant.entity';
import { mergeSettings } from './tenant-settings';

export interface TenantEdit {
  name?: string;
  timezone?: string;
  locale?: string;
  plan?: string;
  trialEndsAt?: Date | null;
  branding?: Partial<TenantBranding>;
  settings?: TenantSettingsUpdate;
}

/**
 * The columns to write for an edit. Branding and settings are merged into what is stored, so
 * `{ settings: { lowScoreThreshold: 40 } }` keeps the SLA that was there; a `null` setting goes back to its default.
 */
export function mergeTenantChanges(tenant: Tenant, edit: TenantEdit): Partial<Tenant> {
  const { branding, settings, ...columns } = edit;
  const changes: Partial<Tenant> = { ...columns };
  if (branding) changes.branding = { ...(tenant.branding ?? {}), ...branding };
  if (settings) changes.settings = mergeSettings(tenant.settings, settings);
  return changes;
}
