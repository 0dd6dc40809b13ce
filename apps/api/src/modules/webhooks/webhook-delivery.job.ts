import { Injectable } from '@nestjs/common';
import { ScheduledJob, type JobContext, type JobHandler } from '../../core/jobs/scheduled-job.decorator';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhooksRepository } from './webhooks.repository';

/** Deliveries one run takes on; the rest wait for the next minute. */
const BATCH = 200;
/** Sent side by side, so one slow receiver does not hold up the others. */
const PARALLEL = 8;

/**
 * Sends the due webhook deliveries of every tenant, each in its tenant. The job runs once per
 * minute across instances (its slot lock), and each delivery is claimed by a conditional UPDATE
 * as well (WebhooksRepository.claim), so a delivery goes out once even when runs overlap.
 */
@Injectable()
@ScheduledJob({ name: 'webhooks.deliver', cron: '* * * * *', description: 'Send due outbound webhook deliveries, with retries', leaseMinutes: 5 })
export class WebhookDeliveryJob implements JobHandler {
  constructor(
    private readonly repository: WebhooksRepository,
    private readonly dispatcher: WebhookDispatcher,
    private readonly context: TenantContext,
  ) {}

  async run({ now }: JobContext): Promise<string> {
    const due = await this.repository.dueDeliveries(now, BATCH);
    let attempted = 0;
    for (let start = 0; start < due.length; start += PARALLEL) {
      const outcomes = await Promise.all(
        due.slice(start, start + PARALLEL).map(({ id, tenantId }) => this.context.runInTenant(tenantId, () => this.dispatcher.attempt(id, now))),
      );
      attempted += outcomes.filter(Boolean).length;
    }
    return `attempted ${attempted} webhook deliver${attempted === 1 ? 'y' : 'ies'}`;
  }
}
