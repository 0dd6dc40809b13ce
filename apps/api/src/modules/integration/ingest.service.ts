import type { IngestResult } from '@fasto/contracts';
import { ErrorCode } from '@fasto/contracts';
import { BadRequestException, Injectable } from '@nestjs/common';
import { withDeadlockRetry } from '../../core/database/deadlock-retry';
import { newId } from '../../core/database/ids';
import { Transactions } from '../../core/database/transactions';
import { isUniqueViolation } from '../../core/database/unique-violation';
import { DomainEvents } from '../../core/events/domain-events';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { factsFor, factsOf } from '../attendances/rollups/attendance-facts';
import { RollupWriter } from '../attendances/rollups/rollup-writer.service';
import { TenantTimezones } from '../attendances/tenant-timezones';
import type { IngestAttendanceDto } from './dto/ingest-attendance.dto';
import { IngestRepository } from './ingest.repository';
import { FUTURE_MESSAGE, INGEST_FIELDS, ingestValues, MAX_FUTURE_MS, sameValue, type Ingestible } from './ingest-values';

/**
 * Stores the AI's verdict on a conversation, in the request's tenant. Idempotent on
 * `external_id`: the unique index decides between concurrent retries (no read-then-write), the
 * rollups move in the same transaction, and the `attendance.recorded` event (published inside
 * that transaction) carries before/after so each notification fires once.
 */
@Injectable()
export class IngestService {
  constructor(
    private readonly attendances: IngestRepository,
    private readonly transactions: Transactions,
    private readonly rollups: RollupWriter,
    private readonly timezones: TenantTimezones,
    private readonly events: DomainEvents,
    private readonly context: TenantContext,
  ) {}

  async ingest(input: IngestAttendanceDto): Promise<IngestResult> {
    const attendedAt = new Date(input.attended_at);
    if (attendedAt.getTime() > Date.now() + MAX_FUTURE_MS) {
      throw new BadRequestException({
        code: ErrorCode.ValidationFailed,
        message: FUTURE_MESSAGE,
        details: [{ field: 'attended_at', messages: [FUTURE_MESSAGE] }],
      });
    }
    const timeZone = await this.timezones.current();
    // The unique index decides between concurrent posts of one external_id. The losers leave the
    // insert's transaction at once (it holds a shared lock on the duplicate key) and update in a
    // fresh one that asks for the row lock first: shared-then-exclusive upgrades by twenty
    // waiters would deadlock each other. InnoDB may still pick a victim now and then: retried.
    const attempt = await withDeadlockRetry(() =>
      this.transactions.run(async () => {
        const references = await this.attendances.references(input);
        const values = ingestValues(input, references, attendedAt);
        const created = await this.insert(input.external_id, values, timeZone);
        return { values, warnings: references.warnings, created };
      }),
    );
    if (attempt.created) return { id: attempt.created, status: 'created', warnings: attempt.warnings };
    return withDeadlockRetry(() => this.transactions.run(() => this.update(input.external_id, attempt.values, attempt.warnings, timeZone)));
  }

  /** The new attendance's id, or null when the external id is taken (nothing written then). */
  private async insert(externalId: string, values: Ingestible, timeZone: string): Promise<string | null> {
    const id = newId();
    const tenantId = this.context.tenantId();
    const after = factsFor(tenantId, values);
    try {
      // The row and its rollups in one round trip, the last before COMMIT: the rollup rows are what
      // every concurrent ingest of this agent's day waits for. A taken external id fails the INSERT
      // alone (the transaction carries on, on both engines) and nothing behind it runs.
      await this.rollups.record(null, after, timeZone, this.attendances.insertStatements([{ id, externalId, values }]));
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
    await this.events.publish('attendance.recorded', { tenantId, attendanceId: id, externalId, customerName: values.customerName, before: null, after });
    return id;
  }

  private async update(externalId: string, values: Ingestible, warnings: string[], timeZone: string): Promise<IngestResult> {
    const existing = await this.attendances.lockByExternalId(externalId);
    if (existing.deletedAt) {
      return { id: existing.id, status: 'unchanged', warnings: [...warnings, 'this attendance was deleted in Fasto; the update was ignored'] };
    }
    if (INGEST_FIELDS.every((field) => sameValue(existing[field], values[field]))) return { id: existing.id, status: 'unchanged', warnings };
    await this.attendances.update(existing.id, values);
    const before = factsOf(existing);
    const after = factsFor(existing.tenantId, values);
    await this.events.publish('attendance.recorded', {
      tenantId: existing.tenantId,
      attendanceId: existing.id,
      externalId,
      customerName: values.customerName,
      before,
      after,
    });
    await this.rollups.record(before, after, timeZone);
    return { id: existing.id, status: 'updated', warnings };
  }
}
