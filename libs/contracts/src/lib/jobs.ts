/** One scheduled job as `GET /api/jobs` shows it to super admins. */
export interface JobStatus {
  name: string;
  description: string;
  /** 5-field cron expression. */
  schedule: string;
  timeZone: 'UTC';
  lastRun: {
    startedAt: string;
    finishedAt: string | null;
    durationMs: number | null;
    outcome: 'running' | 'ok' | 'failed';
    message: string | null;
    instanceId: string;
  } | null;
  nextRunAt: string;
}
