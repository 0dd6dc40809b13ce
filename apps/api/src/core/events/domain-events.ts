import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import type { EntityManager } from 'typeorm';
import { afterCommit } from '../database/after-commit';
import type { AttendanceFacts } from '../../modules/attendances/rollups/rollup-delta';

/** What happened in the organization, for whoever reacts (notifications, caches…). */
export interface DomainEventMap {
  'tenant.created': { tenantId: string; name: string; actorId: string };
  'user.created': { tenantId: string; userId: string; actorId: string };
  'user.team_changed': { tenantId: string; userId: string; fromTeamId: string | null; toTeamId: string | null; actorId: string };
  'tenant.timezone_changed': { tenantId: string; timezone: string };
  /** The trial ends within a few days (emitted once per tenant and trial end date by the trial-expiry job). */
  'tenant.trial_ending': { tenantId: string; trialEndsAt: string };
  /** The trial ended and the tenant was suspended by the trial-expiry job. */
  'tenant.trial_expired': { tenantId: string };
  /** Ingest or an edit created or changed an attendance; `before` is null for a new one (notification triggers compare). */
  'attendance.recorded': { tenantId: string; attendanceId: string; customerName: string | null; before: AttendanceFacts | null; after: AttendanceFacts };
}

export type DomainEventName = keyof DomainEventMap;
type Listener<K extends DomainEventName> = (payload: DomainEventMap[K]) => Promise<void> | void;
type TransactionalHandler<K extends DomainEventName> = (manager: EntityManager, payload: DomainEventMap[K]) => Promise<void>;

/**
 * In-process publish/subscribe with two kinds of subscribers:
 * - transactional handlers (`onTransaction`) run inside the transaction that made the change,
 *   so what they write commits or rolls back with it; their failure fails the request;
 * - listeners (`on`) run after the commit and never fail the request: errors are logged.
 */
@Injectable()
export class DomainEvents {
  private readonly logger = new Logger(DomainEvents.name);
  private readonly emitter = new EventEmitter();
  private readonly transactional = new Map<DomainEventName, TransactionalHandler<never>[]>();

  onTransaction<K extends DomainEventName>(name: K, handler: TransactionalHandler<K>): void {
    this.transactional.set(name, [...(this.transactional.get(name) ?? []), handler as TransactionalHandler<never>]);
  }

  /** Inside the transaction of the change: transactional handlers now, listeners once it commits. */
  async publish<K extends DomainEventName>(manager: EntityManager, name: K, payload: DomainEventMap[K]): Promise<void> {
    for (const handler of this.transactional.get(name) ?? []) await (handler as TransactionalHandler<K>)(manager, payload);
    afterCommit(manager, () => this.emit(name, payload));
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
