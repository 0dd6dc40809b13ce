import { Injectable } from '@nestjs/common';
import { basename } from 'node:path';
import { ScheduledJob, type JobContext, type JobHandler } from '../../core/jobs/scheduled-job.decorator';
import { BackupService } from './backup.service';

/** The daily backup (02:55 UTC unless BACKUP_CRON says otherwise), then retention. */
@Injectable()
@ScheduledJob({
  name: 'backup',
  cron: (config) => config.backupCron,
  description: 'Back up the database to BACKUP_DIR and prune old backups',
  leaseMinutes: 30,
})
export class BackupJob implements JobHandler {
  constructor(private readonly backups: BackupService) {}

  async run({ now }: JobContext): Promise<string> {
    const result = await this.backups.backup(now);
    const pruned = this.backups.prune(now);
    const size = `${(result.bytes / 1024 / 1024).toFixed(1)} MB`;
    const fallback = result.fallbackReason ? ` after the dump tool failed: ${result.fallbackReason}` : '';
    return `wrote ${basename(result.path)} (${size}, ${result.method}${fallback}); pruned ${pruned.length ? pruned.join(', ') : 'nothing'}`;
  }
}
