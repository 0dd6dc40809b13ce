import { Injectable } from '@nestjs/common';
import { ScheduledJob, type JobContext, type JobHandler } from '../../core/jobs/scheduled-job.decorator';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { GoalAlerts } from './goal-alerts.service';
import { GoalsRepository } from './goals.repository';

/**
 * Every hour, in each tenant with goals: "behind pace" once half of a period is gone, and the
 * "meta batida" the ingest could not say — rates (judged when their period ends), an attendance
 * filed late into the previous period, a check lost with its instance. Once per slot across
 * instances (the job lock), once per goal and period whatever runs (GoalAlerts).
 */
@Injectable()
@ScheduledJob({ name: 'goals.check', cron: '7 * * * *', description: 'Goal notifications: behind pace at mid-period, reached goals not yet told' })
export class GoalCheckJob implements JobHandler {
  constructor(
    private readonly goals: GoalsRepository,
    private readonly alerts: GoalAlerts,
    private readonly context: TenantContext,
  ) {}

  async run({ now }: JobContext): Promise<string> {
    let notified = 0;
    for (const tenantId of await this.goals.tenantsWithGoals()) {
      notified += await this.context.runInTenant(tenantId, async () => {
        const goals = await this.goals.all();
        return (
          (await this.alerts.midpoint(goals, now)) + (await this.alerts.reached(goals, 'current', now)) + (await this.alerts.reached(goals, 'previous', now))
        );
      });
    }
    return `${notified} goal notification${notified === 1 ? '' : 's'}`;
  }
}
