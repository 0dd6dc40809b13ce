import type { IngestStatus } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Equal, type DataSource, type EntityManager } from 'typeorm';
import { withDeadlockRetry } from '../../core/database/deadlock-retry';
import { DomainEvents } from '../../core/events/domain-events';
import { newId } from '../../core/database/ids';
import { inOneRoundTrip } from '../../core/database/one-round-trip';
import { executePrepared } from '../../core/database/prepared-statement';
import { Attendance } from '../attendances/entities/attendance.entity';
import { factsFor } from '../attendances/rollups/rollup-rebuild.service';
import { RollupDelta, type AttendanceFacts } from '../attendances/rollups/rollup-delta';
import { RollupWriter } from '../attendances/rollups/rollup-writer.service';
import { insertStatements, type NewAttendanceRow } from './attendance-insert';
import { batchReferenceLookup } from './batch-references';
import type { IngestAttendanceDto } from './dto/ingest-attendance.dto';
import { existingAttendancesLookup } from './existing-attendances';
import { INGEST_FIELDS, ingestValues, sameValue, type Ingestible } from './ingest-values';

export interface BatchItem {
  input: IngestAttendanceDto;
  attendedAt: Date;
}

export interface BatchOutcome {
  id: string;
  status: IngestStatus;
  warnings: string[];
  before: AttendanceFacts | null;
  after: AttendanceFacts;
  customerName: string | null;
}

/** One external id's state as the batch walks its items in order. */
interface Tracked {
  id: string;
  values: Ingestible;
  /** What the rollups count of `values`. */
  facts: AttendanceFacts;
  /** As stored before the batch (null: created by it). */
  stored: Ingestible | null;
  deleted: boolean;
  changed: boolean;
}

/**
 * Stores a batch of valid items in one transaction: the existing rows in one locking read, the new
 * ones in multi-row INSERTs, changed ones updated, and one rollup delta for the whole batch. Items
 * keep the single-post semantics (created / updated / unchanged, same warnings), in order: a later
 * item with the same external_id updates the earlier one.
 */
@Injectable()
export class BatchIngestWriter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rollups: RollupWriter,
    private readonly events: DomainEvents,
  ) {}

  write(tenantId: string, items: BatchItem[], timeZone: string): Promise<BatchOutcome[]> {
    const work = (manager: EntityManager) => this.writeIn(manager, tenantId, items, timeZone);
    // READ COMMITTED on MySQL/MariaDB: the locking read of the batch's external ids then locks the
    // rows that exist, not the index gaps where the new ones go. Under REPEATABLE READ those gap
    // locks made a concurrent batch wait for this one's COMMIT before it could insert its rows.
    // New ids racing in from elsewhere still meet the unique index (the batch is then stored one by one).
    return withDeadlockRetry(() =>
      this.dataSource.options.type === 'mysql' ? this.dataSource.transaction('READ COMMITTED', work) : this.dataSource.transaction(work),
    );
  }

  private async writeIn(manager: EntityManager, tenantId: string, items: BatchItem[], timeZone: string): Promise<BatchOutcome[]> {
    const inputs = items.map((item) => item.input);
    const referenceLookup = batchReferenceLookup(tenantId, inputs);
    const existing = existingAttendancesLookup(manager, tenantId, [...new Set(inputs.map((input) => input.external_id))]);
    // The lookups and the locking read travel together: one round trip before the writes.
    const results = await inOneRoundTrip<unknown[]>(manager, [...referenceLookup.statements, existing.statement]);
    const resolve = referenceLookup.resolverFrom(results);
    const tracked = new Map<string, Tracked>(
      existing
        .read(results[results.length - 1] as Record<string, unknown>[])
        .map(({ id, externalId, deleted, values }) => [externalId, { id, values, facts: factsFor(tenantId, values), stored: values, deleted, changed: false }]),
    );

    const outcomes = items.map(({ input, attendedAt }): BatchOutcome => {
      const references = resolve(input);
      const values = ingestValues(input, references, attendedAt);
      const after = factsFor(tenantId, values);
      const current = tracked.get(input.external_id);
      if (!current) {
        const id = newId();
        tracked.set(input.external_id, { id, values, facts: after, stored: null, deleted: false, changed: true });
        return { id, status: 'created', warnings: references.warnings, before: null, after, customerName: values.customerName };
      }
      if (current.deleted) {
        const warnings = [...references.warnings, 'this attendance was deleted in Fasto; the update was ignored'];
        return { id: current.id, status: 'unchanged', warnings, before: null, after, customerName: values.customerName };
      }
      if (INGEST_FIELDS.every((field) => sameValue(current.values[field], values[field]))) {
        return { id: current.id, status: 'unchanged', warnings: references.warnings, before: null, after, customerName: values.customerName };
      }
      const before = current.facts;
      Object.assign(current, { values, facts: after, changed: true });
      return { id: current.id, status: 'updated', warnings: references.warnings, before, after, customerName: values.customerName };
    });

    const delta = new RollupDelta();
    const inserts: NewAttendanceRow[] = [];
    for (const [externalId, row] of tracked) {
      if (!row.changed) continue;
      if (row.stored) {
        await manager.getRepository(Attendance).update({ id: Equal(row.id), tenantId: Equal(tenantId) }, row.values);
        delta.add(factsFor(tenantId, row.stored), -1, timeZone);
      } else {
        inserts.push({ id: row.id, tenantId, externalId, values: row.values });
      }
      delta.add(row.facts, 1, timeZone);
    }
    // The new rows as prepared statements (a few fixed sizes), then the rollups: the rollup rows
    // are what concurrent writes of the same days wait for, so they are taken as late as possible.
    for (const statement of insertStatements(manager, inserts)) await executePrepared(manager, statement);
    await this.rollups.apply(manager, delta);
    // Like a single post, inside the transaction, but as one event: its handlers work per batch, not per item.
    const records = outcomes
      .filter((outcome) => outcome.status !== 'unchanged')
      .map(({ id: attendanceId, customerName, before, after }) => ({ tenantId, attendanceId, customerName, before, after }));
    if (records.length > 0) await this.events.publish(manager, 'attendances.recorded', { tenantId, records });
    return outcomes;
  }
}
