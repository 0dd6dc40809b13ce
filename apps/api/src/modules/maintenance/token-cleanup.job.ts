import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ScheduledJob, type JobContext, type JobHandler } from '../../core/jobs/scheduled-job.decorator';

const BATCH = 500;
/** A revoked session is kept a day: a replayed token still meets its revoked row, then gets a plain 401. */
const REVOKED_KEPT_MS = 86_400_000;

/**
 * Deletes dead login sessions and spent emailed links. A session (refresh-token family) goes only
 * when none of its tokens can still be used, so the reuse detection of a live family keeps the
 * rotated tokens it needs.
 */
@Injectable()
@ScheduledJob({ name: 'auth.token-cleanup', cron: '15 3 * * *', description: 'Delete expired sessions and used or expired invite/reset links' })
export class TokenCleanupJob implements JobHandler {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async run({ now }: JobContext): Promise<string> {
    const sessions = await this.deleteDeadSessions(now);
    const links = await this.deleteSpentLinks(now);
    return `deleted ${sessions} expired session(s) and ${links} used or expired link(s)`;
  }

  private async deleteDeadSessions(now: Date): Promise<number> {
    const revokedBefore = new Date(now.getTime() - REVOKED_KEPT_MS);
    let deleted = 0;
    for (;;) {
      // Families with no usable token left: every row expired, past the session cap, or revoked long enough ago.
      const families: { familyId: string }[] = await this.dataSource
        .createQueryBuilder()
        .select('t.family_id', 'familyId')
        .from('refresh_tokens', 't')
        .groupBy('t.family_id')
        .having(
          'SUM(CASE WHEN t.expires_at <= :now OR t.session_expires_at <= :now OR (t.revoked_at IS NOT NULL AND t.revoked_at <= :revokedBefore) THEN 0 ELSE 1 END) = 0',
          { now, revokedBefore },
        )
        .limit(BATCH)
        .getRawMany();
      if (families.length === 0) return deleted;
      const result = await this.dataSource
        .createQueryBuilder()
        .delete()
        .from('refresh_tokens')
        .where('family_id IN (:...ids)', { ids: families.map((row) => row.familyId) })
        .execute();
      deleted += families.length;
      if (!result.affected || families.length < BATCH) return deleted;
    }
  }

  private async deleteSpentLinks(now: Date): Promise<number> {
    const result = await this.dataSource
      .createQueryBuilder()
      .delete()
      .from('action_tokens')
      .where('used_at IS NOT NULL OR expires_at <= :now', { now })
      .execute();
    return result.affected ?? 0;
  }
}
