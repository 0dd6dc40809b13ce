import type { IngestStatus } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Equal, type DataSource, type EntityManager } from 'typeorm';
import { withDeadlockRetry } from '../../core/database/deadlock-retry';
import { DomainEvents } from '../../core/events/domain-events';
import { newId } from '../../core/database/ids';
import { inOneRoundTrip } from '../../core/database/one-round-trip';
import { executePrepared } from '../../core/database/prepared-statement';
import { isUniqueViolation } from '../../core/database/unique-violation';
import { Attendance } from '../attendances/entities/attendance.entity';
import { factsFor } from '../attendances/rollups/rollup-rebuild.service';
import { RollupDelta, type AttendanceFacts } from '../attendances/rollups/rollup-delta';
import { RollupWriter } from '../attendances/rollups/rollup-writer.service';
import { insertStatements, type NewAttendanceRow } from './attendance-insert';
import { batchReferenceLookup, type ReferenceResolver } from './batch-references';
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
 * Stores a batch of valid items in one transaction: the new rows in multi-row INSERTs (first
 * optimistically, all of them; when an external id is taken, after one locking read of the stored
 * rows), changed ones updated, and one rollup delta for the whole batch. Items keep the single-post
 * semantics (created / updated / unchanged, same warnings), in order: a later item with the same
 * external_id updates the earlier one.
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
    // An id a racing batch inserts after that read still meets the unique index (the batch is then
    // stored one by one).
    return withDeadlockRetry(() =>
      this.dataSource.options.type === 'mysql' ? this.dataSource.transaction('READ COMMITTED', work) : this.dataSource.transaction(work),
    );
  }

  private async writeIn(manager: EntityManager, tenantId: string, items: BatchItem[], timeZone: string): Promise<BatchOutcome[]> {
    const inputs = items.map((item) => item.input);
    const referenceLookup = batchReferenceLookup(tenantId, inputs);
    // The savepoint travels with the lookups: no round trip of its own.
    const savepoint = { sql: `SAVEPOINT ${ALL_NEW}`, params: [] };
    const resolve = referenceLookup.resolverFrom(await inOneRoundTrip<unknown[]>(manager, [...referenceLookup.statements, savepoint]));
    // n8n mostly sends conversations Fasto has not seen: insert them all straight away, with the
    // unique index as the judge, and skip reading five hundred external ids that are not there.
    // Only when one is taken are the stored rows read (and locked) and the batch planned again.
    let tracked = new Map<string, Tracked>();
    let outcomes = plan(tenantId, items, resolve, tracked);
    if (!(await this.insertAllOrNone(manager, tenantId, tracked))) {
      tracked = await this.lockStored(manager, tenantId, inputs);
      outcomes = plan(tenantId, items, resolve, tracked);
      await this.insertNew(manager, tenantId, tracked);
    }

    const delta = new RollupDelta();
    for (const row of tracked.values()) {
      if (!row.changed) continue;
      if (row.stored) {
        await manager.getRepository(Attendance).update({ id: Equal(row.id), tenantId: Equal(tenantId) }, row.values);
        delta.add(factsFor(tenantId, row.stored), -1, timeZone);
      }
      delta.add(row.facts, 1, timeZone);
    }
    // The rollup rows last: they are what concurrent writes of the same days wait for.
    await this.rollups.apply(manager, delta);
    // Like a single post, inside the transaction, but as one event: its handlers work per batch, not per item.
    const records = outcomes
      .filter((outcome) => outcome.status !== 'unchanged')
      .map(({ id: attendanceId, customerName, before, after }) => ({ tenantId, attendanceId, customerName, before, after }));
    if (records.length > 0) await this.events.publish(manager, 'attendances.recorded', { tenantId, records });
    return outcomes;
  }

  /**
   * Inserts every tracked row as new; false, and back at the savepoint taken before (nothing
   * inserted), when an external id is taken.
   */
  private async insertAllOrNone(manager: EntityManager, tenantId: string, tracked: Map<string, Tracked>): Promise<boolean> {
    try {
      await this.insertNew(manager, tenantId, tracked);
      return true;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await manager.query(`ROLLBACK TO SAVEPOINT ${ALL_NEW}`);
      return false;
    }
  }

  /** The new rows, as prepared statements of a few fixed sizes. */
  private async insertNew(manager: EntityManager, tenantId: string, tracked: Map<string, Tracked>): Promise<void> {
    const rows: NewAttendanceRow[] = [];
    for (const [externalId, row] of tracked) if (row.changed && !row.stored) rows.push({ id: row.id, tenantId, externalId, values: row.values });
    for (const statement of insertStatements(manager, rows)) await executePrepared(manager, statement);
  }

  /**
   * The stored attendances of these items, locked until the transaction ends. Under READ COMMITTED
   * the read sees what a racing batch committed in the meantime.
   */
  private async lockStored(manager: EntityManager, tenantId: string, inputs: IngestAttendanceDto[]): Promise<Map<string, Tracked>> {
    const existing = existingAttendancesLookup(manager, tenantId, [...new Set(inputs.map((input) => input.external_id))]);
    const rows = await manager.query<Record<string, unknown>[]>(existing.statement.sql, existing.statement.params);
    return new Map(
      existing
        .read(rows)
        .map(({ id, externalId, deleted, values }) => [externalId, { id, values, facts: factsFor(tenantId, values), stored: values, deleted, changed: false }]),
    );
  }
}

/** The savepoint a batch returns to when its all-new insert meets a taken external id. */
const ALL_NEW = 'batch_all_new';

/**
 * Each item's outcome, in order, against what is stored (`tracked`, updated in place): created,
 * updated or unchanged, as a single post would answer. A later item with the same external_id
 * updates the earlier one.
 */
function plan(tenantId: string, items: BatchItem[], resolve: ReferenceResolver, tracked: Map<string, Tracked>): BatchOutcome[] {
  return items.map(({ input, attendedAt }): BatchOutcome => {
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
}
