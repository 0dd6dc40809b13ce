import { TenantStatus } from '@fasto/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { Transactions } from '../../core/database/transactions';
import { DomainEvents } from '../../core/events/domain-events';
import { JobMarkers } from '../../core/jobs/job-markers';
import { ScheduledJob, type JobContext, type JobHandler } from '../../core/jobs/scheduled-job.decorator';
import { AuditService } from '../audit/audit.service';
import { SessionService } from '../auth/services/session.service';
import { TenantContext } from '../../core/tenancy/tenant-context';
import type { Tenant } from '../tenants/entities/tenant.entity';
import { TenantsRepository } from '../tenants/tenants.repository';

/** How long before the end of a trial its tenant is warned (once). */
export const TRIAL_WARNING_DAYS = 3;

/**
 * Ends trials: a `trial` tenant past `trial_ends_at` is suspended (audited with no actor: the
 * system did it) and `tenant.trial_expired` is emitted; one whose trial ends within three days
 * gets a single `tenant.trial_ending` (a marker per tenant and end date keeps it to one, also
 * when the end date moves and comes near again it warns again once). The trials are found across
 * tenants (the job's system scope); each tenant is then handled in its own scope.
 */
@Injectable()
@ScheduledJob({ name: 'tenants.trial-expiry', cron: '5 * * * *', description: 'Suspend expired trials; warn tenants whose trial ends within 3 days' })
export class TrialExpiryJob implements JobHandler {
  private readonly logger = new Logger(TrialExpiryJob.name);

  constructor(
    private readonly tenants: TenantsRepository,
    private readonly context: TenantContext,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly sessions: SessionService,
    private readonly events: DomainEvents,
    private readonly markers: JobMarkers,
  ) {}

  async run({ now }: JobContext): Promise<string> {
    // The super admins' own tenant never expires, whatever its row says (the repository leaves it out).
    const expired = await this.tenants.trialsEnding(null, now);
    let suspended = 0;
    for (const tenant of expired) if (await this.context.runInTenant(tenant.id, () => this.suspend(tenant, now))) suspended++;

    const warnUntil = new Date(now.getTime() + TRIAL_WARNING_DAYS * 86_400_000);
    const ending = await this.tenants.trialsEnding(now, warnUntil);
    let warned = 0;
    for (const { id, trialEndsAt } of ending) {
      if (!trialEndsAt) continue;
      // The marker and what the event's handlers write commit together: a failed warning is retried next run.
      const first = await this.context.runInTenant(id, () =>
        this.transactions.run(async (transaction) => {
          if (!(await this.markers.claim(`tenant.trial_ending:${id}:${trialEndsAt.toISOString()}`, now, transaction))) return false;
          await this.events.publish('tenant.trial_ending', { tenantId: id, trialEndsAt: trialEndsAt.toISOString() });
          return true;
        }),
      );
      if (first) warned++;
    }
    return `suspended ${suspended} expired trial(s), warned ${warned} tenant(s) of a trial ending within ${TRIAL_WARNING_DAYS} days`;
  }

  /** In the tenant's scope. */
  private async suspend(tenant: Tenant, now: Date): Promise<boolean> {
    const changed = await this.transactions.run(async () => {
      // Conditional: a super admin who reactivated or extended the tenant meanwhile wins.
      if (!(await this.tenants.suspendEndedTrial(now))) return false;
      await this.audit.record({
        tenantId: tenant.id,
        actorId: null,
        action: 'tenant.suspended',
        entity: 'tenant',
        entityId: tenant.id,
        changes: { status: { from: TenantStatus.Trial, to: TenantStatus.Suspended }, reason: 'trial_expired' },
      });
      await this.events.publish('tenant.trial_expired', { tenantId: tenant.id });
      return true;
    });
    if (!changed) return false;
    await this.sessions.revokeAllForTenant(now);
    this.logger.log({ tenantId: tenant.id, trialEndsAt: tenant.trialEndsAt }, 'Trial expired: tenant suspended');
    return true;
  }
}
