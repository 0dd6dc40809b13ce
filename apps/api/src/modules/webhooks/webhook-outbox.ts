import type { WebhookEvent } from '@fasto/contracts';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { BoundedCache } from '../../core/cache/bounded-cache';
import { newId } from '../../core/database/ids';
import type { AttendanceFacts } from '../../core/events/attendance-facts';
import { DomainEvents, type AttendanceRecorded, type DomainEventMap } from '../../core/events/domain-events';
import type { TenantValues } from '../../core/tenancy/tenant-table';
import type { WebhookDelivery } from './entities/webhook-delivery.entity';
import type { WebhookEndpoint } from './entities/webhook-endpoint.entity';
import { WebhooksRepository } from './webhooks.repository';

/** Who an event is about: the attendance, its external id and customer (unchanged by an edit). */
type Subject = Pick<AttendanceRecorded, 'attendanceId' | 'externalId' | 'customerName'>;

/** What a receiver gets about one attendance (snake_case, like the ingest payload). */
const attendanceBody = ({ attendanceId, externalId, customerName }: Subject, facts: AttendanceFacts) => ({
  id: attendanceId,
  external_id: externalId,
  customer_name: customerName,
  attended_at: facts.attendedAt.toISOString(),
  user_id: facts.userId,
  team_id: facts.teamId,
  funnel_stage_id: facts.funnelStageId,
  origin_item_id: facts.originItemId,
  converted: facts.converted,
  score: facts.score,
  first_response_time_min: facts.firstResponseTimeMin,
  sale_value: facts.saleValue,
});

/** The webhook events one recorded attendance raises. */
export function eventsOf(record: AttendanceRecorded): WebhookEvent[] {
  const { before, after } = record;
  const events: WebhookEvent[] = [before ? 'attendance.updated' : 'attendance.created'];
  if (after.converted && !before?.converted) events.push('attendance.converted');
  if (before && before.funnelStageId !== after.funnelStageId) events.push('attendance.stage_changed');
  return events;
}

/** The exact JSON body of one event: what is stored, signed and sent (a redelivery sends the same bytes). */
export function eventBody(event: string, data: Record<string, unknown>, at = new Date()): string {
  return JSON.stringify({ id: randomUUID(), type: event, created_at: at.toISOString(), data });
}

/**
 * The transactional outbox: for each attendance written or deleted, one delivery row per subscribed active
 * endpoint, written inside the write's own transaction and tenant (`DomainEvents.onTransaction`),
 * so an event is queued exactly when its change commits. The delivery job sends them.
 */
@Injectable()
export class WebhookOutbox implements OnModuleInit {
  /**
   * Each tenant's active endpoints, read by every ingest (QUALITY P3): one read per tenant per TTL.
   * A change through this process forgets the tenant at once; another instance's within the TTL.
   */
  private readonly subscriptions = new BoundedCache<WebhookEndpoint[]>({ name: 'webhook endpoints by tenant', maxEntries: 10_000, ttlMs: 5_000 });

  constructor(
    private readonly events: DomainEvents,
    private readonly repository: WebhooksRepository,
  ) {}

  onModuleInit(): void {
    this.events.onTransaction('attendance.recorded', (event) => this.recorded(event.tenantId, [event]));
    this.events.onTransaction('attendances.recorded', (event) => this.recorded(event.tenantId, event.records));
    this.events.onTransaction('goal.reached', (event) => this.queue(event.tenantId, [{ event: 'goal.reached', data: { goal: goalBody(event) } }]));
    this.events.onTransaction('attendance.deleted', (event) =>
      this.queue(event.tenantId, [{ event: 'attendance.deleted', data: { attendance: attendanceBody(event, event.before), previous: null } }]),
    );
  }

  /** The tenant's endpoints changed here: read them again on the next event. */
  forget(tenantId: string): void {
    this.subscriptions.forget(tenantId);
  }

  /**
   * A delivery row for one event to one endpoint, due now. The due time is floored to the second:
   * a DATETIME column on MySQL rounds fractions up, which would put "now" a moment in the future.
   */
  static row(endpointId: string, event: string, payload: string, now = new Date()): TenantValues<WebhookDelivery> {
    const due = new Date(Math.floor(now.getTime() / 1000) * 1000);
    return { id: newId(), endpointId, event, payload, status: 'pending', attempts: 0, nextAttemptAt: due };
  }

  private recorded(tenantId: string, records: AttendanceRecorded[]): Promise<void> {
    return this.queue(
      tenantId,
      records.flatMap((record) => {
        const data = {
          attendance: attendanceBody(record, record.after),
          previous: record.before ? attendanceBody(record, record.before) : null,
        };
        return eventsOf(record).map((event) => ({ event, data }));
      }),
    );
  }

  /** One delivery row per event and subscribed active endpoint; each event's body is built once, shared by its endpoints. */
  private async queue(tenantId: string, events: { event: WebhookEvent; data: Record<string, unknown> }[]): Promise<void> {
    const endpoints = await this.subscriptions.through(tenantId, () => this.repository.activeEndpoints());
    if (endpoints.length === 0) return;
    const now = new Date();
    const rows: TenantValues<WebhookDelivery>[] = [];
    for (const { event, data } of events) {
      const subscribed = endpoints.filter((endpoint) => endpoint.events.includes(event));
      if (subscribed.length === 0) continue;
      const payload = eventBody(event, data, now);
      for (const endpoint of subscribed) rows.push(WebhookOutbox.row(endpoint.id, event, payload, now));
    }
    if (rows.length > 0) await this.repository.insertDeliveries(rows);
  }
}

/** A reached goal as a webhook body (snake_case, like the attendance bodies and the ingest payload). */
function goalBody(event: DomainEventMap['goal.reached']): Record<string, unknown> {
  return {
    id: event.goalId,
    scope: event.scope,
    team_id: event.teamId,
    user_id: event.userId,
    metric: event.metric,
    period: event.period,
    period_start: event.periodStart,
    period_end: event.periodEnd,
    actual: event.actual,
    target: event.target,
  };
}
