import { Injectable, Logger } from '@nestjs/common';
import { ScheduledJob, type JobContext, type JobHandler } from '../../core/jobs/scheduled-job.decorator';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { RollupRebuildService } from '../attendances/rollups/rollup-rebuild.service';
import { RollupCheckRepository } from './rollup-check.repository';
import { RollupConsistency } from './rollup-consistency';

/** Recent days are where rollups change (ingest, edits); older ones were checked on earlier nights. */
export const ROLLUP_CHECK_DAYS = 7;

/**
 * Nightly safety net for the dashboard: the rollups of the last days must equal a raw recount.
 * A tenant that differs is logged and rebuilt from its attendances (the whole tenant, so that the
 * monthly rows are right too).
 */
@Injectable()
@ScheduledJob({
  name: 'attendances.rollup-check',
  cron: '40 3 * * *',
  description: `Compare the last ${ROLLUP_CHECK_DAYS} days of dashboard rollups with a raw recount; rebuild a tenant that differs`,
  leaseMinutes: 30,
})
export class RollupCheckJob implements JobHandler {
  private readonly logger = new Logger(RollupCheckJob.name);

  constructor(
    private readonly tenants: RollupCheckRepository,
    private readonly context: TenantContext,
    private readonly consistency: RollupConsistency,
    private readonly rebuild: RollupRebuildService,
  ) {}

  async run({ now }: JobContext): Promise<string> {
    const tenants = await this.tenants.everyTenant();
    const repaired: string[] = [];
    for (const tenant of tenants) {
      const days = await this.context.runInTenant(tenant.id, async () => {
        const differing = await this.consistency.differingDays(now, ROLLUP_CHECK_DAYS);
        if (differing.length > 0) {
          this.logger.warn({ tenantId: tenant.id, slug: tenant.slug, days: differing }, 'Rollups differ from a raw recount: rebuilding');
          await this.rebuild.rebuild();
        }
        return differing;
      });
      if (days.length > 0) repaired.push(`${tenant.slug} (${days.length} day(s) from ${days[0]})`);
    }
    const checked = `checked ${tenants.length} tenant(s) over the last ${ROLLUP_CHECK_DAYS} days`;
    return repaired.length ? `${checked}: rollups differed and were rebuilt for ${repaired.join(', ')}` : `${checked}: all rollups match`;
  }
}
