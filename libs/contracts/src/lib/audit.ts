/**
 * Every action the API records in the audit log, as a code: the web client names them
 * (apps/web/src/app/core/i18n/audit-text.ts). apps/api/src/modules/audit/audit-codes.spec.ts
 * checks that the API records nothing outside these lists.
 */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.refresh_token_reused',
  'auth.invite_accepted',
  'auth.password_reset_requested',
  'auth.password_reset',
  'auth.password_changed',
  'impersonation.started',
  'impersonation.request',
  'user.created',
  'user.updated',
  'user.profile_updated',
  'team.created',
  'team.updated',
  'team.deleted',
  'funnel.created',
  'funnel.updated',
  'funnel.deleted',
  'funnel.reordered',
  'funnel_stage.created',
  'funnel_stage.updated',
  'funnel_stage.deleted',
  'origin_group.created',
  'origin_group.updated',
  'origin_group.deleted',
  'origin_group.reordered',
  'origin_item.created',
  'origin_item.updated',
  'origin_item.deleted',
  'attendance.updated',
  'attendance.deleted',
  'api_key.created',
  'api_key.revoked',
  'webhook.created',
  'webhook.updated',
  'webhook.deleted',
  'goal.created',
  'goal.updated',
  'goal.deleted',
  'tv_link.created',
  'tv_link.revoked',
  'tenant.created',
  'tenant.updated',
  'tenant.settings_updated',
  'tenant.suspended',
  'tenant.reactivated',
  'tenant.cancelled',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The kinds of object an audit entry is about (`entity`) or refers to in its changes. */
export const AUDIT_ENTITIES = [
  'user',
  'session',
  'request',
  'team',
  'funnel',
  'funnel_stage',
  'origin_group',
  'origin_item',
  'attendance',
  'api_key',
  'webhook',
  'goal',
  'tv_link',
  'tenant',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

/** An id an entry shows, named from the entry's own tenant; `deleted` when only the log remembers it. */
export interface AuditReference {
  kind: AuditEntity;
  /** Null when neither the object nor the log knows its name any more. */
  name: string | null;
  deleted: boolean;
}
