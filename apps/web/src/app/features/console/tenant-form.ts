import type { CreateTenantRequest } from '@fasto/api-client';
import type { TenantPlan } from '@fasto/contracts';
import { failedRules, type FieldError } from '../../shared/form-problems';

/** The API's slug rule (lower-case letters, digits and dashes, 2–60 characters). */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** "Açaí & Cia Ltda." → "acai-cia-ltda": a suggestion the super admin can still edit. */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

export interface TenantDraft {
  name: string;
  slug: string;
  plan: TenantPlan;
  trialDays: string;
  adminName: string;
  adminEmail: string;
}

/** Problems the page can see before asking the API (which checks everything again). */
export function tenantDraftErrors(draft: TenantDraft): FieldError[] {
  const days = Number(draft.trialDays);
  return failedRules(
    ['name', 'console.err.name', !draft.name.trim()],
    ['slug', 'console.err.slug', !SLUG_PATTERN.test(draft.slug) || draft.slug.length < 2],
    ['trialDays', 'console.err.trialDays', draft.trialDays.trim() === '' || !Number.isInteger(days) || days < 0 || days > 365],
    ['admin.fullName', 'console.err.adminName', !draft.adminName.trim()],
    ['admin.email', 'console.err.adminEmail', !EMAIL_PATTERN.test(draft.adminEmail.trim())],
  );
}

export function toCreateTenantRequest(draft: TenantDraft): CreateTenantRequest {
  return {
    name: draft.name.trim(),
    slug: draft.slug,
    plan: draft.plan,
    trialDays: Number(draft.trialDays),
    admin: { fullName: draft.adminName.trim(), email: draft.adminEmail.trim() },
  };
}
