import type { IngestResult } from '@fasto/contracts';
import { ErrorCode } from '@fasto/contracts';
import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Equal, type DataSource, type EntityManager } from 'typeorm';
import { withDeadlockRetry } from '../../core/database/deadlock-retry';
import { forUpdate } from '../../core/database/lock';
import { newId } from '../../core/database/ids';
import { isUniqueViolation } from '../../core/database/unique-violation';
import { DomainEvents } from '../../core/events/domain-events';
import { Attendance } from '../attendances/entities/attendance.entity';
import { factsFor, factsOf } from '../attendances/rollups/rollup-rebuild.service';
import { RollupWriter } from '../attendances/rollups/rollup-writer.service';
import { TenantTimezones } from '../attendances/tenant-timezones';
import { insertStatements } from './attendance-insert';
import type { IngestAttendanceDto } from './dto/ingest-attendance.dto';
import { resolveReferences } from './ingest-references';
import { FUTURE_MESSAGE, INGEST_FIELDS, ingestValues, MAX_FUTURE_MS, sameValue, type Ingestible } from './ingest-values';

/**
 * Stores the AI's verdict on a conversation. Idempotent on `external_id`: the unique index
 * decides between concurrent retries (no read-then-write), the rollups move in the same
 * transaction, and the
 * `attendance.recorded` event (published inside that transaction) carries before/after so each
 * notification fires once.
 */
@Injectable()
export class IngestService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rollups: RollupWriter,
    private readonly timezones: TenantTimezones,
    private readonly events: DomainEvents,
  ) {}

  async ingest(tenantId: string, input: IngestAttendanceDto): Promise<IngestResult> {
    const attendedAt = new Date(input.attended_at);
    if (attendedAt.getTime() > Date.now() + MAX_FUTURE_MS) {
      throw new BadRequestException({
        code: ErrorCode.ValidationFailed,
        message: FUTURE_MESSAGE,
        details: [{ field: 'attended_at', messages: [FUTURE_MESSAGE] }],
      });
    }
    const timeZone = await this.timezones.of(tenantId);
    // The unique index decides between concurrent posts of one external_id. The losers leave the
    // insert's transaction at once (it holds a shared lock on the duplicate key) and update in a
    // fresh one that asks for the row lock first: shared-then-exclusive upgrades by twenty
    // waiters would deadlock each other. InnoDB may still pick a victim now and then: retried.
    const attempt = await withDeadlockRetry(() =>
      this.dataSource.transaction(async (manager) => {
        const references = await resolveReferences(manager, tenantId, input);
        const values = ingestValues(input, references, attendedAt);
        const created = await this.insert(manager, tenantId, input.external_id, values, timeZone);
        return { values, warnings: references.warnings, created };
      }),
    );
    if (attempt.created) return { id: attempt.created, status: 'created', warnings: attempt.warnings };
    return withDeadlockRetry(() =>
      this.dataSource.transaction((manager) => this.update(manager, tenantId, input.external_id, attempt.values, attempt.warnings, timeZone)),
    );
  }

  /** The new attendance's id, or null when the external id is taken (nothing written then). */
  private async insert(manager: EntityManager, tenantId: string, externalId: string, values: Ingestible, timeZone: string): Promise<string | null> {
    const id = newId();
    const after = factsFor(tenantId, values);
    try {
      // The row and its rollups in one round trip, the last before COMMIT: the rollup rows are what
      // every concurrent ingest of this agent's day waits for. A taken external id fails the INSERT
      // alone (the transaction carries on, on both engines) and nothing behind it runs.
      await this.rollups.record(manager, null, after, timeZone, insertStatements(manager, [{ id, tenantId, externalId, values }]));
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
    await this.events.publish(manager, 'attendance.recorded', { tenantId, attendanceId: id, customerName: values.customerName, before: null, after });
    return id;
  }

  private async update(
    manager: EntityManager,
    tenantId: string,
    externalId: string,
    values: Ingestible,
    warnings: string[],
    timeZone: string,
  ): Promise<IngestResult> {
    const existing = await forUpdate(
      manager
        .getRepository(Attendance)
        .createQueryBuilder('a')
        .withDeleted()
        .where({ tenantId: Equal(tenantId), externalId: Equal(externalId) }),
    ).getOneOrFail();
    if (existing.deletedAt) {
      return { id: existing.id, status: 'unchanged', warnings: [...warnings, 'this attendance was deleted in Fasto; the update was ignored'] };
    }
    if (INGEST_FIELDS.every((field) => sameValue(existing[field], values[field]))) return { id: existing.id, status: 'unchanged', warnings };
    await manager.getRepository(Attendance).update({ id: Equal(existing.id), tenantId: Equal(tenantId) }, values);
    const before = factsOf(existing);
    const after = factsFor(tenantId, values);
    await this.events.publish(manager, 'attendance.recorded', { tenantId, attendanceId: existing.id, customerName: values.customerName, before, after });
    await this.rollups.record(manager, before, after, timeZone);
    return { id: existing.id, status: 'updated', warnings };
  }
}
