/** What fired a notification (SPEC §7); the web app picks an icon and the link target from it. */
export enum NotificationType {
  TenantCreated = 'tenant_created',
  UserCreated = 'user_created',
  TeamChanged = 'team_changed',
  SaleClosed = 'sale_closed',
  LowScore = 'low_score',
  SlowFirstResponse = 'slow_first_response',
  TrialEnding = 'trial_ending',
  TrialExpired = 'trial_expired',
  WebhookDisabled = 'webhook_disabled',
  /** A goal reached its target, once per goal and period. */
  GoalReached = 'goal_reached',
  /** Half the period is gone and the goal is behind pace, once per goal and period. */
  GoalBehindPace = 'goal_behind_pace',
}

/** One entry of a user's notification tray, already in the reader's language. */
export interface NotificationView {
  id: string;
  type: NotificationType;
  title: string;
  body: string | null;
  /** A path inside the web app (e.g. `/attendances/<id>`), never an absolute URL. */
  link: string | null;
  /** When the event happened (ISO 8601). */
  createdAt: string;
  readAt: string | null;
}

export interface UnreadCountResponse {
  count: number;
}

export interface ReadAllResponse {
  updated: number;
}

/** Query of `GET /api/notifications`. */
export interface NotificationListQuery {
  unread?: boolean;
  cursor?: string;
  limit?: number;
}

/**
 * Server-Sent Events of `GET /api/notifications/stream`: `notification` carries a NotificationView,
 * `unread-count` an UnreadCountResponse; comment lines are heartbeats. The stream takes the same
 * `Authorization: Bearer` header as every route (read it with fetch, not EventSource, which cannot send
 * headers) and ends when the access token expires or the session is revoked: reconnect with a fresh token.
 */
export const NotificationStreamEvent = {
  Notification: 'notification',
  UnreadCount: 'unread-count',
} as const;
