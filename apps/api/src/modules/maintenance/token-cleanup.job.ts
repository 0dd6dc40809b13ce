import { Injectable } from '@nestjs/common';
import { ScheduledJob, type JobContext, type JobHandler } from '../../core/jobs/scheduled-job.decorator';
import { ActionTokensRepository } from '../auth/action-tokens.repository';
import { SessionsRepository } from '../auth/sessions.repository';

const BATCH = 500;
/** A revoked session is kept a day: a replayed token still meets its revoked row, then gets a plain 401. */
const REVOKED_KEPT_MS = 86_400_000;

/**
 * Deletes dead login sessions and spent emailed links of every tenant (it runs in the job's system
 * scope). A session (refresh-token family) goes only when none of its tokens can still be used, so
 * the reuse detection of a live family keeps the rotated tokens it needs.
 */
@Injectable()
@ScheduledJob({ name: 'auth.token-cleanup', cron: '15 3 * * *', description: 'Delete expired sessions and used or expired invite/reset links' })
export class TokenCleanupJob implements JobHandler {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly links: ActionTokensRepository,
  ) {}

  async run({ now }: JobContext): Promise<string> {
    const sessions = await this.deleteDeadSessions(now);
    const links = await this.links.deleteSpent(now);
    return `deleted ${sessions} expired session(s) and ${links} used or expired link(s)`;
  }

  private async deleteDeadSessions(now: Date): Promise<number> {
    const revokedBefore = new Date(now.getTime() - REVOKED_KEPT_MS);
    let deleted = 0;
    for (;;) {
      const families = await this.sessions.deadFamilies(now, revokedBefore, BATCH);
      if (families.length === 0) return deleted;
      const rows = await this.sessions.deleteFamilies(families);
      deleted += families.length;
      if (!rows || families.length < BATCH) return deleted;
    }
  }
}
