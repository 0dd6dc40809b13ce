/**
 * What one attendance says that others react to: the rollups count it, the notification triggers
 * judge its score and first response. Carried by the `attendance.recorded` events, so it lives
 * here, under the events, rather than in a module that core must not import.
 */
export interface AttendanceFacts {
  tenantId: string;
  attendedAt: Date;
  userId: string | null;
  teamId: string | null;
  funnelStageId: string | null;
  originItemId: string | null;
  converted: boolean;
  score: number | null;
  firstResponseTimeMin: number | null;
  saleValue: number | null;
}
