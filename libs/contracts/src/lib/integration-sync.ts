/**
 * One attendance as `GET /integration/attendances` returns it to a sync (n8n): the ingest payload's
 * snake_case names, the resolved agent, team, stage and origin, and the row's timestamps.
 * `deleted_at` is set when the attendance was deleted in Fasto, so a sync can remove its copy.
 */
export interface IntegrationAttendance {
  id: string;
  external_id: string;
  attended_at: string;
  customer_name: string | null;
  customer_phone: string | null;
  channel: string;
  title: string | null;
  summary: string | null;
  full_summary: string | null;
  score: number | null;
  first_response_time_min: number | null;
  handling_time_min: number | null;
  converted: boolean;
  sale_value: number | null;
  agent_id: string | null;
  agent_name: string | null;
  agent_email: string | null;
  team_id: string | null;
  team_name: string | null;
  stage_id: string | null;
  stage_name: string | null;
  origin_id: string | null;
  origin_name: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** A page of the sync, oldest change first; `next_cursor` is null on the last page. */
export interface IntegrationAttendancePage {
  items: IntegrationAttendance[];
  next_cursor: string | null;
}
