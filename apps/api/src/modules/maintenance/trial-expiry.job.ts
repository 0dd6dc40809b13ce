import { SYSTEM_TENANT_SLUG, TenantStatus } from '@fasto/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { And, Equal, LessThanOrEqual, MoreThan, Not, type DataSource } from 'typeorm';
import { DomainEvents } from '../../core/events/domain-events';
import { JobMarkers } from '../../core/jobs/job-markers';
import { ScheduledJob, type JobContext, type JobHandler } from '../../core/jobs/scheduled-job.decorator';
import { AuditService } from '../audit/audit.service';
import { SessionService } from '../auth/services/session.service';
import { Tenant } from '../tenants/entities/tenant.entity';

/** How long before the end of a trial its tenant is warned (once). */
export const TRIAL_WARNING_DAYS = 3;

/**
 * Ends trials: a `trial` tenant past `trial_ends_at` is suspended (audited with no actor: the
 * system did it) and `tenant.trial_expired` is emitted; one whose trial ends within three days
 * gets a single `tenant.trial_ending` (a marker per tenant and end date keeps it to one, also
 * when the end date moves and comes near again it warns again once).
 */
@Injectable()
@ScheduledJob({ name: 'tenants.trial-expiry', cron: '5 * * * *', description: 'Suspend expired trials; warn tenants whose trial ends within 3 days' })
export class TrialExpiryJob implements JobHandler {
  private readonly logger = new Logger(TrialExpiryJob.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sessions: SessionService,
    private readonly events: DomainEvents,
    private readonly markers: JobMarkers,
  ) {}

  async run({ now }: JobContext): Promise<string> {
    const tenants = this.dataSource.getRepository(Tenant);
    // The super admins' own tenant never expires, whatever its row says.
    const inTrial = { status: Equal(TenantStatus.Trial), slug: Not(SYSTEM_TENANT_SLUG) };
    const expired = await tenants.findBy({ ...inTrial, trialEndsAt: LessThanOrEqual(now) });
    let suspended = 0;
    for (const tenant of expired) if (await this.suspend(tenant, now)) suspended++;

    const warnUntil = new Date(now.getTime() + TRIAL_WARNING_DAYS * 86_400_000);
    const ending = await tenants.findBy({ ...inTrial, trialEndsAt: And(MoreThan(now), LessThanOrEqual(warnUntil)) });
    let warned = 0;
    for (const { id, trialEndsAt } of ending) {
      if (!trialEndsAt) continue;
      // The marker and what the event's handlers write commit together: a failed warning is retried next run.
      const first = await this.dataSource.transaction(async (manager) => {
        if (!(await this.markers.claim(`tenant.trial_ending:${id}:${trialEndsAt.toISOString()}`, now, manager))) return false;
        await this.events.publish(manager, 'tenant.trial_ending', { tenantId: id, trialEndsAt: trialEndsAt.toISOString() });
        return true;
      });
      if (first) warned++;
    }
    return `suspended ${suspended} expired trial(s), warned ${warned} tenant(s) of a trial ending within ${TRIAL_WARNING_DAYS} days`;
  }

  private async suspend(tenant: Tenant, now: Date): Promise<boolean> {
    const changed = await this.dataSource.transaction(async (manager) => {
      // Conditional: a super admin who reactivated or extended the tenant meanwhile wins.
      const result = await manager
        .getRepository(Tenant)
        .update({ id: Equal(tenant.id), status: Equal(TenantStatus.Trial), trialEndsAt: LessThanOrEqual(now) }, { status: TenantStatus.Suspended });
      if (result.affected !== 1) return false;
      await this.audit.record(
        {
          tenantId: tenant.id,
          actorId: null,
          action: 'tenant.suspended',
          entity: 'tenant',
          entityId: tenant.id,
          changes: { status: { from: TenantStatus.Trial, to: TenantStatus.Suspended }, reason: 'trial_expired' },
        },
        manager,
      );
      await this.events.publish(manager, 'tenant.trial_expired', { tenantId: tenant.id });
      return true;
    });
    if (!changed) return false;
    await this.sessions.revokeAllForTenant(tenant.id, now);
    this.logger.log({ tenantId: tenant.id, trialEndsAt: tenant.trialEndsAt }, 'Trial expired: tenant suspended');
    return true;
  }
}
