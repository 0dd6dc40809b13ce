import { ActionToken } from './modules/auth/entities/action-token.entity';
import { RefreshToken } from './modules/auth/entities/refresh-token.entity';
import { Attendance } from './modules/attendances/entities/attendance.entity';
import {
  AttendanceDailyOrigin,
  AttendanceDailyStage,
  AttendanceDailyTotal,
  AttendanceTeamOrigin,
  AttendanceTeamStage,
  AttendanceTeamTotal,
} from './modules/attendances/rollups/rollup.entities';
import { AuditLog } from './modules/audit/entities/audit-log.entity';
import { Goal } from './modules/goals/entities/goal.entity';
import { GoalEvent } from './modules/goals/entities/goal-event.entity';
import { Funnel } from './modules/funnels/entities/funnel.entity';
import { FunnelStage } from './modules/funnels/entities/funnel-stage.entity';
import { ApiKey } from './modules/integration/entities/api-key.entity';
import { Notification } from './modules/notifications/entities/notification.entity';
import { OriginGroup } from './modules/origins/entities/origin-group.entity';
import { OriginItem } from './modules/origins/entities/origin-item.entity';
import { Team } from './modules/teams/entities/team.entity';
import { Tenant } from './modules/tenants/entities/tenant.entity';
import { User } from './modules/users/entities/user.entity';
import { JobMarker } from './core/jobs/job-marker.entity';
import { JobRun } from './core/jobs/job-run.entity';
import { RateLimitCounter } from './core/rate-limit/rate-limit-counter.entity';
import { TvLink } from './modules/tv/entities/tv-link.entity';
import { WebhookDelivery } from './modules/webhooks/entities/webhook-delivery.entity';
import { WebhookEndpoint } from './modules/webhooks/entities/webhook-endpoint.entity';
import { DigestDelivery } from './modules/digests/entities/digest-delivery.entity';

/**
 * Every entity, listed explicitly so the webpack bundle carries them (no path globs). The list
 * lives at the app root, beside the modules it names: core/ knows no module, and receives it
 * (`DatabaseModule.forRoot`, `buildDataSourceOptions`).
 */
export const ENTITIES = [
  Tenant,
  User,
  Team,
  Funnel,
  FunnelStage,
  OriginGroup,
  OriginItem,
  Attendance,
  AttendanceDailyTotal,
  AttendanceDailyStage,
  AttendanceDailyOrigin,
  AttendanceTeamTotal,
  AttendanceTeamStage,
  AttendanceTeamOrigin,
  RefreshToken,
  ActionToken,
  ApiKey,
  Notification,
  AuditLog,
  RateLimitCounter,
  JobRun,
  JobMarker,
  WebhookEndpoint,
  WebhookDelivery,
  DigestDelivery,
  Goal,
  GoalEvent,
  TvLink,
];
