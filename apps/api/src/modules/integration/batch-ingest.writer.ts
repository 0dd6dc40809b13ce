import type { IngestStatus } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import { withDeadlockRetry } from '../../core/database/deadlock-retry';
import { newId } from '../../core/database/ids';
import { Transactions } from '../../core/database/transactions';
import { isUniqueViolation } from '../../core/database/unique-violation';
import { DomainEvents } from '../../core/events/domain-events';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { factsFor } from '../attendances/rollups/attendance-facts';
import { RollupDelta, type AttendanceFacts } from '../attendances/rollups/rollup-delta';
import { RollupWriter } from '../attendances/rollups/rollup-writer.service';
import type { IngestAttendanceDto } from './dto/ingest-attendance.dto';
import type { ReferenceResolver } from './ingest-references';
import { IngestRepository, type NewAttendance } from './ingest.repository';
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
 * Stores a batch of valid items in one transaction, in the request's tenant: the new rows in
 * multi-row INSERTs (first optimistically, all of them; when an external id is taken, after one
 * locking read of the stored rows), changed ones updated, and one rollup delta for the whole
 * batch. Items keep the single-post semantics (created / updated / unchanged, same warnings), in
 * order: a later item with the same external_id updates the earlier one.
 */
@Injectable()
export class BatchIngestWriter {
  constructor(
    private readonly attendances: IngestRepository,
    private readonly transactions: Transactions,
    private readonly rollups: RollupWriter,
    private readonly events: DomainEvents,
    private readonly context: TenantContext,
  ) {}

  write(items: BatchItem[], timeZone: string): Promise<BatchOutcome[]> {
    // READ COMMITTED on MySQL/MariaDB: the locking read of the batch's external ids then locks the
    // rows that exist, not the index gaps where the new ones go. Under REPEATABLE READ those gap
    // locks made a concurrent batch wait for this one's COMMIT before it could insert its rows.
    // An id a racing batch inserts after that read still meets the unique index (the batch is then
    // stored one by one).
    return withDeadlockRetry(() => this.transactions.run(() => this.writeIn(items, timeZone), 'READ COMMITTED'));
  }

  private async writeIn(items: BatchItem[], timeZone: string): Promise<BatchOutcome[]> {
    const tenantId = this.context.tenantId();
    const inputs = items.map((item) => item.input);
    const resolve = await this.attendances.batchReferences(inputs);
    // n8n mostly sends conversations Fasto has not seen: insert them all straight away, with the
    // unique index as the judge, and skip reading five hundred external ids that are not there.
    // Only when one is taken are the stored rows read (and locked) and the batch planned again.
    let tracked = new Map<string, Tracked>();
    let outcomes = plan(tenantId, items, resolve, tracked);
    await this.attendances.savepoint(ALL_NEW);
    if (!(await this.insertAllOrNone(tracked))) {
      tracked = await this.lockStored(tenantId, inputs);
      outcomes = plan(tenantId, items, resolve, tracked);
      await this.attendances.insert(newRows(tracked));
    }

    const delta = new RollupDelta();
    for (const row of tracked.values()) {
      if (!row.changed) continue;
      if (row.stored) {
        await this.attendances.update(row.id, row.values);
        delta.add(factsFor(tenantId, row.stored), -1, timeZone);
      }
      delta.add(row.facts, 1, timeZone);
    }
    // The rollup rows last: they are what concurrent writes of the same days wait for.
    await this.rollups.apply(delta);
    // Like a single post, inside the transaction, but as one event: its handlers work per batch, not per item.
    const records = outcomes.flatMap(({ id: attendanceId, status, customerName, before, after }, index) =>
      status === 'unchanged' ? [] : [{ tenantId, attendanceId, externalId: items[index].input.external_id, customerName, before, after }],
    );
    if (records.length > 0) await this.events.publish('attendances.recorded', { tenantId, records });
    return outcomes;
  }

  /**
   * Inserts every tracked row as new; false, and back at the savepoint taken before (nothing
   * inserted), when an external id is taken.
   */
  private async insertAllOrNone(tracked: Map<string, Tracked>): Promise<boolean> {
    try {
      await this.attendances.insert(newRows(tracked));
      return true;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await this.attendances.rollbackTo(ALL_NEW);
      return false;
    }
  }

  /**
   * The stored attendances of these items, locked until the transaction ends. Under READ COMMITTED
   * the read sees what a racing batch committed in the meantime.
   */
  private async lockStored(tenantId: string, inputs: IngestAttendanceDto[]): Promise<Map<string, Tracked>> {
    const stored = await this.attendances.lockStored([...new Set(inputs.map((input) => input.external_id))]);
    return new Map(
      stored.map(({ id, externalId, deleted, values }) => [
        externalId,
        { id, values, facts: factsFor(tenantId, values), stored: values, deleted, changed: false },
      ]),
    );
  }
}

/** The rows the batch creates. */
function newRows(tracked: Map<string, Tracked>): NewAttendance[] {
  const rows: NewAttendance[] = [];
  for (const [externalId, row] of tracked) if (row.changed && !row.stored) rows.push({ id: row.id, externalId, values: row.values });
  return rows;
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
