import type { OwnTenant, TenantDetail, TenantSummary } from '@fasto/contracts';
import type { Tenant } from './entities/tenant.entity';
import { effectiveSettings } from './tenant-settings';
import type { TenantStats } from './tenant-stats.repository';

const iso = (date: Date | string | null | undefined) => (date ? new Date(date).toISOString() : null);


export function toOwnTenant(tenant: Tenant): OwnTenant {
  return {
    id: tenant.id,
    name: tenant.name,
    slug: tenant.slug,
    status: tenant.status,
    plan: tenant.plan,
    trialEndsAt: iso(tenant.trialEndsAt),
    timezone: tenant.timezone,
    locale: tenant.locale,
    branding: { logoUrl: tenant.branding?.logoUrl ?? null, primaryColor: tenant.branding?.primaryColor ?? null },
    settings: effectiveSettings(tenant.settings),
  };
}

export function toTenantSummary(tenant: Tenant, stats: TenantStats | undefined): TenantSummary {
  const { id, name, slug, status, plan, trialEndsAt } = toOwnTenant(tenant);
  return {
    id,
    name,
    slug,
    status,
    plan,
    trialEndsAt,
    createdAt: tenant.createdAt.toISOString(),
    userCount: stats?.userCount ?? 0,
    invitedUserCount: stats?.invitedUserCount ?? 0,
    attendanceCount: stats?.attendanceCount ?? 0,
    lastActivityAt: iso(stats?.lastActivityAt),
  };
}

export function toTenantDetail(tenant: Tenant, stats: TenantStats | undefined): TenantDetail {
  const { timezone, locale, branding, settings } = toOwnTenant(tenant);
  return { ...toTenantSummary(tenant, stats), timezone, locale, branding, settings };
}
