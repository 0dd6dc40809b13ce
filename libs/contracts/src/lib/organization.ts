import type { DigestFrequency } from './digest';
import type { AuditReference } from './audit';
import type { Role } from './roles';
import type { TenantBranding, TenantSettings, TenantStatus } from './tenant';

export interface TenantSummary {
  id: string;
  name: string;
  slug: string;
  status: TenantStatus;
  plan: string;
  trialEndsAt: string | null;
  createdAt: string;
  userCount: number;
  /** Of `userCount`, invitations not accepted yet. */
  invitedUserCount: number;
  attendanceCount: number;
  /** Latest attendance or sign-in, whichever is newer. */
  lastActivityAt: string | null;
}

export interface TenantDetail extends TenantSummary {
  timezone: string;
  locale: string;
  branding: TenantBranding;
  settings: TenantSettings;
}

export interface TenantsOverview {
  tenants: Record<TenantStatus, number> & { total: number };
  /** `active`: signed up and not deactivated; `invited`: invitation not accepted yet (not active). */
  users: { total: number; active: number; invited: number };
  attendances: { total: number; last30Days: number; converted30Days: number };
}

/** `GET /tenant`: the caller's own organization. */
export interface OwnTenant {
  id: string;
  name: string;
  slug: string;
  status: TenantStatus;
  plan: string;
  trialEndsAt: string | null;
  timezone: string;
  locale: string;
  branding: TenantBranding;
  settings: TenantSettings;
}

export interface UserView {
  id: string;
  email: string;
  fullName: string;
  phone: string | null;
  avatarUrl: string | null;
  /** The user's language choice; null follows the tenant's. */
  locale: string | null;
  /** How often the digest e-mail comes (managers and admins only). */
  digest: DigestFrequency;
  role: Role;
  teamId: string | null;
  teamName: string | null;
  isActive: boolean;
  /** False until an invited user sets a password. */
  hasPassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface TeamMember {
  id: string;
  fullName: string;
  email: string;
  role: Role;
  isActive: boolean;
}

export interface TeamView {
  id: string;
  name: string;
  funnelId: string | null;
  funnelName: string | null;
  originGroupId: string | null;
  originGroupName: string | null;
  memberCount: number;
  members?: TeamMember[];
  createdAt: string;
}

export interface CatalogItemView {
  id: string;
  name: string;
  color: string;
  position: number;
}

export interface FunnelStageView extends CatalogItemView {
  isWon: boolean;
}

export interface FunnelView {
  id: string;
  name: string;
  stages: FunnelStageView[];
  teams: { id: string; name: string }[];
  createdAt: string;
}

export interface OriginGroupView {
  id: string;
  name: string;
  items: CatalogItemView[];
  teams: { id: string; name: string }[];
  createdAt: string;
}

export interface AuditLogView {
  id: string;
  tenantId: string;
  actorId: string | null;
  actorName: string | null;
  /** The actor is Fasto staff (a super admin acting on the tenant from the console). */
  actorIsSuperAdmin: boolean;
  impersonatorId: string | null;
  /** The super admin behind an impersonated action. */
  impersonatorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  changes: Record<string, unknown> | null;
  /** Names of the ids the entry shows (`entityId` and ids inside `changes`), by id. */
  references: Record<string, AuditReference>;
  ip: string | null;
  userAgent: string | null;
  createdAt: string;
}

export interface ApiKeyView {
  id: string;
  name: string;
  /** `fst_<prefix>_…`: enough to recognise a key, useless to use it. */
  prefix: string;
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** `POST /tenants/:id/api-keys`: the only time the key itself is ever shown. */
export interface CreatedApiKey {
  id: string;
  name: string;
  prefix: string;
  key: string;
  createdAt: string;
}

/** `GET /integration/users`: who n8n may attribute an attendance to. */
export interface IntegrationUser {
  id: string;
  name: string;
  email: string;
  role: 'manager' | 'agent';
  teamId: string | null;
  teamName: string | null;
}

/** Query of `GET /users` (admins: the tenant, managers: their team). */
export interface UserListQuery {
  role?: Role;
  teamId?: string;
  isActive?: boolean;
  q?: string;
  cursor?: string;
  limit?: number;
}
