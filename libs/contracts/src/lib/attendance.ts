import type { ErrorCode } from './error-codes';

/** Channels the n8n workflow reports conversations from. */
export enum AttendanceChannel {
  WhatsApp = 'whatsapp',
  Instagram = 'instagram',
  Other = 'other',
}

export const MIN_SCORE = 0;
export const MAX_SCORE = 100;

export interface NamedRef {
  id: string;
  name: string;
}

export interface ColoredRef extends NamedRef {
  color: string;
}

/** One row of `GET /attendances` (no long AI text). */
export interface AttendanceListItem {
  id: string;
  externalId: string;
  attendedAt: string;
  customerName: string | null;
  customerPhone: string | null;
  channel: AttendanceChannel;
  title: string | null;
  summary: string | null;
  score: number | null;
  firstResponseTimeMin: number | null;
  handlingTimeMin: number | null;
  converted: boolean;
  saleValue: number | null;
  agent: NamedRef | null;
  team: NamedRef | null;
  /** null when unset, or when the stage/origin was deleted since. */
  stage: ColoredRef | null;
  origin: ColoredRef | null;
}

/** `GET /attendances/:id`: the list row plus the AI's full summary. */
export interface AttendanceDetail extends AttendanceListItem {
  fullSummary: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DashboardTotals {
  attendances: number;
  converted: number;
  /** converted / attendances, 0–1 (0 when there are no attendances). */
  conversionRate: number;
  avgScore: number | null;
  avgFirstResponseMin: number | null;
  saleValue: number;
}

/**
 * One slice of a pie: a stage or origin, or the others bucket (`id: null`, `name: null`) that
 * collects attendances with no stage/origin, a deleted one, or one outside the team's funnel/group.
 */
export interface DashboardSlice {
  id: string | null;
  /** null for the others bucket: the client names it in the reader's language. */
  name: string | null;
  color: string;
  count: number;
  /** Only on the funnel's won stage: moving an attendance there means the sale closed. */
  won?: true;
}

/**
 * Whose row it is: a user of the tenant ('known'), a user deleted since ('removed'), or the
 * attendances that named no agent Fasto knows ('none', `userId: null`).
 */
export type DashboardAgentState = 'known' | 'removed' | 'none';

/** One agent's KPIs over the range. */
export interface DashboardAgentRow extends DashboardTotals {
  userId: string | null;
  /** The agent's name; null unless `agentState` is 'known' (the client names the other rows). */
  name: string | null;
  agentState: DashboardAgentState;
}

export interface DashboardDay {
  date: string;
  attendances: number;
  converted: number;
}

export interface DashboardResponse {
  range: { from: string; to: string };
  previousRange: { from: string; to: string };
  /**
   * When the range includes today, the previous period is counted only up to this instant (the
   * same elapsed time, like for like); null when it is counted whole.
   */
  previousUntil: string | null;
  totals: DashboardTotals;
  previousTotals: DashboardTotals;
  byStage: DashboardSlice[];
  byOrigin: DashboardSlice[];
  byAgent: DashboardAgentRow[];
  daily: DashboardDay[];
}

export const DASHBOARD_AGENT_SORTS = ['attendances', 'converted', 'conversionRate', 'avgScore', 'avgFirstResponseMin', 'saleValue'] as const;
export type DashboardAgentSort = (typeof DASHBOARD_AGENT_SORTS)[number];

/** No attendance happened before this instant: older dates are typos (`0100-…`) that would break rollup periods. */
export const EARLIEST_ATTENDED_AT = '2000-01-01T00:00:00Z';

/** Longest range a list, export or dashboard may ask for. */
export const MAX_RANGE_DAYS = 731;

export type IngestStatus = 'created' | 'updated' | 'unchanged';

/** `POST /integration/attendances` (201 when created, 200 otherwise). */
export interface IngestResult {
  id: string;
  status: IngestStatus;
  warnings: string[];
}

/** One entry of `POST /integration/attendances/batch`. */
export interface BatchIngestItemResult {
  index: number;
  externalId: string | null;
  status: IngestStatus | 'error';
  id?: string;
  warnings?: string[];
  error?: { code: ErrorCode; message: string; details?: unknown };
}

export const MAX_BATCH_SIZE = 500;

/** Range and scope filters shared by `GET /attendances`, its export and `GET /dashboard`; days are `YYYY-MM-DD` in the tenant's time zone. */
export interface AttendanceFilters {
  from?: string;
  to?: string;
  teamId?: string;
  userId?: string;
  stageId?: string;
  originId?: string;
  converted?: boolean;
  minScore?: number;
  maxScore?: number;
  /** Customer name, phone or title contains. */
  q?: string;
}

/** Query of `GET /attendances`: the filters plus the keyset page. */
export interface AttendanceListQuery extends AttendanceFilters {
  cursor?: string;
  limit?: number;
}

export const ATTENDANCE_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type AttendanceExportFormat = (typeof ATTENDANCE_EXPORT_FORMATS)[number];

/** `PATCH /attendances/:id` (admins and managers): the corrections a person may make to the AI's judgement. */
export interface UpdateAttendanceRequest {
  funnelStageId?: string | null;
  originItemId?: string | null;
  converted?: boolean;
  saleValue?: number | null;
}

/** Query of `GET /dashboard`. */
export interface DashboardQuery {
  from?: string;
  to?: string;
  teamId?: string;
  userId?: string;
  sort?: DashboardAgentSort;
}
