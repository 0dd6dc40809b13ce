import {
  AttendanceChannel,
  Role,
  TenantStatus,
  type AttendanceListItem,
  type AuditLogView,
  type TenantSummary,
  type UserView,
} from '@fasto/contracts';

/**
 * Rows as the list endpoints send them, for the screens' specs: each view's fields are written once
 * here (typed, so a field added to libs/contracts is added once), and a spec names only what it tests.
 */
export const auditEntry = (id: string, fields: Partial<AuditLogView> = {}): AuditLogView => ({
  id,
  tenantId: 't',
  actorId: 'ana',
  actorName: 'Ana Administradora',
  actorIsSuperAdmin: false,
  impersonatorId: null,
  impersonatorName: null,
  action: 'auth.login',
  entity: 'user',
  entityId: 'ana',
  changes: null,
  references: {},
  ip: null,
  userAgent: null,
  createdAt: '2026-12-01T12:00:00.000Z',
  ...fields,
});

export const attendanceRow = (id: string, fields: Partial<AttendanceListItem> = {}): AttendanceListItem => ({
  id,
  externalId: id,
  attendedAt: '2026-12-01T12:00:00.000Z',
  customerName: id,
  customerPhone: null,
  channel: AttendanceChannel.WhatsApp,
  title: 'Pedido',
  summary: null,
  score: 50,
  firstResponseTimeMin: null,
  handlingTimeMin: null,
  converted: false,
  saleValue: null,
  agent: null,
  team: null,
  stage: null,
  origin: null,
  ...fields,
});

export const memberRow = (id: string, fields: Partial<UserView> = {}): UserView => ({
  id,
  email: `${id}@example.com`,
  fullName: id,
  phone: null,
  avatarUrl: null,
  locale: null,
  digest: 'off',
  role: Role.Agent,
  teamId: null,
  teamName: null,
  isActive: true,
  hasPassword: true,
  lastLoginAt: null,
  createdAt: '2026-12-01T12:00:00.000Z',
  ...fields,
});

export const tenantRow = (id: string, fields: Partial<TenantSummary> = {}): TenantSummary => ({
  id,
  name: id,
  slug: id,
  status: TenantStatus.Active,
  plan: 'pro',
  trialEndsAt: null,
  createdAt: '2026-12-01T12:00:00.000Z',
  userCount: 1,
  invitedUserCount: 0,
  attendanceCount: 1,
  lastActivityAt: null,
  ...fields,
});
