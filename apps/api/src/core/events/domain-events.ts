import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import { afterCommit } from '../database/after-commit';
import { currentTransaction } from '../database/transactions';
import { TenantContext } from '../tenancy/tenant-context';
import type { AttendanceFacts } from './attendance-facts';

/** One attendance written by ingest or an edit; `before` is null for a new one (notification triggers compare). */
export interface AttendanceRecorded {
  tenantId: string;
  attendanceId: string;
  /** n8n's id of the conversation (outbound webhooks carry it so a receiver can match its own copy). */
  externalId: string | null;
  customerName: string | null;
  before: AttendanceFacts | null;
  after: AttendanceFacts;
}

/** What happened in the organization, for whoever reacts (notifications, caches…). Each names the tenant it happened in. */
export interface DomainEventMap {
  'tenant.created': { tenantId: string; name: string; actorId: string };
  'user.created': { tenantId: string; userId: string; actorId: string };
  'user.team_changed': { tenantId: string; userId: string; fromTeamId: string | null; toTeamId: string | null; actorId: string };
  'tenant.timezone_changed': { tenantId: string; timezone: string };
  /** The tenant's settings (alert thresholds) changed: emit after the commit, so caches of them forget it. */
  'tenant.settings_changed': { tenantId: string };
  /** The trial ends within a few days (emitted once per tenant and trial end date by the trial-expiry job). */
  'tenant.trial_ending': { tenantId: string; trialEndsAt: string };
  /** The trial ended and the tenant was suspended by the trial-expiry job. */
  'tenant.trial_expired': { tenantId: string };
  'attendance.recorded': AttendanceRecorded;
  /** The same for many attendances written together (the batch ingest), handled in one go. */
  'attendances.recorded': { tenantId: string; records: AttendanceRecorded[] };
  /** An attendance was (soft) deleted; `before` is what it said until then. */
  'attendance.deleted': { tenantId: string; attendanceId: string; externalId: string | null; customerName: string | null; before: AttendanceFacts };
  /** A goal reached its target in a period (recorded once per goal and period, in that transaction). */
  'goal.reached': {
    tenantId: string;
    goalId: string;
    scope: string;
    teamId: string | null;
    userId: string | null;
    metric: string;
    period: string;
    periodStart: string;
    periodEnd: string;
    actual: number | null;
    target: number;
  };
  /** An outbound webhook endpoint failed too many times in a row and was disabled (its admins are told). */
  'webhook.disabled': { tenantId: string; endpointId: string; url: string; failures: number };
}

export type DomainEventName = keyof DomainEventMap;
type Listener<K extends DomainEventName> = (payload: DomainEventMap[K]) => Promise<void> | void;
type TransactionalHandler<K extends DomainEventName> = (payload: DomainEventMap[K]) => Promise<void>;

/** Thrown when `publish` runs outside `Transactions.run`: a programming error (use `emit` for after-the-fact news). */
export class EventOutsideTransactionError extends Error {
  constructor(name: DomainEventName) {
    super(`Domain event ${name} was published outside a transaction: publish it inside Transactions.run`);
    this.name = 'EventOutsideTransactionError';
  }
}

/**
 * In-process publish/subscribe with two kinds of subscribers:
 * - transactional handlers (`onTransaction`) run inside the transaction that made the change and
 *   for the tenant the event names: the repositories they use join that transaction and that
 *   tenant, so what they write commits or rolls back with the change; their failure fails the request;
 * - listeners (`on`) run after the commit and never fail the request: errors are logged.
 *
 * `publish` takes the transaction the publisher runs in (`Transactions.run`) from the context and
 * never runs SQL itself.
 */
@Injectable()
export class DomainEvents {
  private readonly logger = new Logger(DomainEvents.name);
  private readonly emitter = new EventEmitter();
  private readonly transactional = new Map<DomainEventName, TransactionalHandler<never>[]>();

  constructor(private readonly context: TenantContext) {}

  onTransaction<K extends DomainEventName>(name: K, handler: TransactionalHandler<K>): void {
    this.transactional.set(name, [...(this.transactional.get(name) ?? []), handler as TransactionalHandler<never>]);
  }

  /**
   * Inside the transaction of the change: transactional handlers now, listeners once it commits.
   * Outside a transaction it throws: the handlers' writes would commit apart from the change.
   */
  async publish<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): Promise<void> {
    const transaction = currentTransaction();
    if (!transaction) throw new EventOutsideTransactionError(name);
    const handlers = this.transactional.get(name) ?? [];
    if (handlers.length > 0) {
      // Entering the event's tenant keeps the running transaction (TenantContext.within).
      await this.context.runInTenant(payload.tenantId, async () => {
        for (const handler of handlers) await (handler as TransactionalHandler<K>)(payload);
      });
    }
    afterCommit(transaction, () => this.emit(name, payload));
  }

  on<K extends DomainEventName>(name: K, listener: Listener<K>): void {
    this.emitter.on(name, (payload: DomainEventMap[K]) => {
      Promise.resolve()
        .then(() => listener(payload))
        .catch((error: unknown) => this.logger.error({ err: error, event: name }, 'Event listener failed'));
    });
  }

  emit<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): void {
    this.emitter.emit(name, payload);
  }
}
