import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter } from 'node:events';
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
  /** Ingest created or changed an attendance; `before` is null for a new one (notification triggers compare). */
  'attendance.recorded': { tenantId: string; attendanceId: string; externalId: string; before: AttendanceFacts | null; after: AttendanceFacts };
}

export type DomainEventName = keyof DomainEventMap;
type Listener<K extends DomainEventName> = (payload: DomainEventMap[K]) => Promise<void> | void;

/**
 * In-process publish/subscribe. Emitting never fails the request that caused the event:
 * a listener's error is logged, not thrown.
 */
@Injectable()
export class DomainEvents {
  private readonly logger = new Logger(DomainEvents.name);
  private readonly emitter = new EventEmitter();

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
