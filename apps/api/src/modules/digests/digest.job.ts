import { Injectable } from '@nestjs/common';
import { ScheduledJob, type JobContext, type JobHandler } from '../../core/jobs/scheduled-job.decorator';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { duePeriods } from './digest-periods';
import { DigestSender } from './digest-sender';
import { DigestsRepository } from './digests.repository';

/**
 * Every quarter hour (so a tenant whose zone is offset by a half or a quarter hour also gets its
 * 08:00), finds the tenants whose digests are due and sends them, each tenant in its own scope.
 * The job's slot runs once across instances; the per-digest claim keeps even overlapping runs to one e-mail.
 */
@Injectable()
@ScheduledJob({ name: 'digests.send', cron: '*/15 * * * *', description: 'E-mail the daily and weekly digests due at 08:00 tenant time', leaseMinutes: 15 })
export class DigestJob implements JobHandler {
  constructor(
    private readonly repository: DigestsRepository,
    private readonly sender: DigestSender,
    private readonly context: TenantContext,
  ) {}

  async run({ now }: JobContext): Promise<string> {
    let sent = 0;
    let failed = 0;
    for (const tenant of await this.repository.tenantsWithAccess()) {
      const periods = duePeriods(now, tenant.timezone);
      if (periods.length === 0) continue;
      const outcome = await this.context.runInTenant(tenant.id, () => this.sender.sendDue(tenant, periods, now));
      sent += outcome.sent;
      failed += outcome.failed;
    }
    if (failed > 0) throw new Error(`sent ${sent} digest(s); ${failed} could not be sent and will be retried`);
    return `sent ${sent} digest(s)`;
  }
}
