import { AttendanceChannel, type IngestResult } from '@fasto/contracts';
import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Equal, type DataSource, type EntityManager } from 'typeorm';
import { withDeadlockRetry } from '../../core/database/deadlock-retry';
import { forUpdate } from '../../core/database/lock';
import { newId } from '../../core/database/ids';
import { isUniqueViolation } from '../../core/database/unique-violation';
import { DomainEvents } from '../../core/events/domain-events';
import { Attendance } from '../attendances/entities/attendance.entity';
import { factsOf } from '../attendances/rollups/rollup-rebuild.service';
import { RollupWriter } from '../attendances/rollups/rollup-writer.service';
import { TenantTimezones } from '../attendances/tenant-timezones';
import type { IngestAttendanceDto } from './dto/ingest-attendance.dto';
import { resolveReferences } from './ingest-references';

/** Attendances may be posted at most this far in the future (clock skew, time zones). */
const MAX_FUTURE_MS = 86_400_000;

type Ingestible = Pick<
  Attendance,
  | 'userId'
  | 'teamId'
  | 'funnelStageId'
  | 'originItemId'
  | 'customerName'
  | 'customerPhone'
  | 'channel'
  | 'title'
  | 'summary'
  | 'fullSummary'
  | 'score'
  | 'firstResponseTimeMin'
  | 'handlingTimeMin'
  | 'converted'
  | 'saleValue'
  | 'attendedAt'
>;

const FIELDS: (keyof Ingestible)[] = [
  'userId',
  'teamId',
  'funnelStageId',
  'originItemId',
  'customerName',
  'customerPhone',
  'channel',
  'title',
  'summary',
  'fullSummary',
  'score',
  'firstResponseTimeMin',
  'handlingTimeMin',
  'converted',
  'saleValue',
  'attendedAt',
];

const same = (a: unknown, b: unknown) =>
  a instanceof Date || b instanceof Date ? new Date(a as Date).getTime() === new Date(b as Date).getTime() : (a ?? null) === (b ?? null);

/**
 * Stores the AI's verdict on a conversation. Idempotent on `external_id`: the unique index
 * decides between concurrent retries (no read-then-write), the rollups move in the same
 * transaction, and events carry before/after so each notification fires once.
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
        message: 'attended_at is more than a day in the future',
        details: [{ field: 'attended_at', messages: ['attended_at is more than a day in the future'] }],
      });
    }
    const timeZone = await this.timezones.of(tenantId);
    // Concurrent retries of one external_id all hit the unique index; InnoDB may pick some of
    // them as deadlock victims while they wait for the winner's row lock: run those again.
    const outcome = await withDeadlockRetry(() =>
      this.dataSource.transaction(async (manager) => {
        const references = await resolveReferences(manager, tenantId, input);
        const values: Ingestible = {
          userId: references.userId,
          teamId: references.teamId,
          funnelStageId: references.funnelStageId,
          originItemId: references.originItemId,
          customerName: input.customer_name ?? null,
          customerPhone: input.customer_phone ?? null,
          channel: input.channel ?? AttendanceChannel.WhatsApp,
          title: input.title ?? null,
          summary: input.summary ?? null,
          fullSummary: input.full_summary ?? null,
          score: input.score ?? null,
          firstResponseTimeMin: input.first_response_time_min ?? null,
          handlingTimeMin: input.handling_time_min ?? null,
          converted: input.converted ?? false,
          saleValue: input.sale_value ?? null,
          attendedAt,
        };
        return this.write(manager, tenantId, input.external_id, values, references.warnings, timeZone);
      }),
    );
    if (outcome.status !== 'unchanged') {
      this.events.emit('attendance.recorded', {
        tenantId,
        attendanceId: outcome.id,
        externalId: input.external_id,
        before: outcome.before,
        after: outcome.after,
      });
    }
    return { id: outcome.id, status: outcome.status, warnings: outcome.warnings };
  }

  private async write(manager: EntityManager, tenantId: string, externalId: string, values: Ingestible, warnings: string[], timeZone: string) {
    const id = newId();
    const after = factsOf({ tenantId, ...values });
    try {
      // The unique index (tenant_id, external_id) decides. A duplicate key fails this statement
      // only; on MySQL/MariaDB and SQLite the transaction carries on.
      // updateEntity(false): no read-back SELECT of the generated columns after the insert (QUALITY P3).
      await manager
        .createQueryBuilder()
        .insert()
        .into(Attendance)
        .values({ id, tenantId, externalId, ...values })
        .updateEntity(false)
        .execute();
      await this.rollups.record(manager, null, after, timeZone);
      return { id, status: 'created' as const, warnings, before: null, after };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const existing = await forUpdate(
      manager
        .getRepository(Attendance)
        .createQueryBuilder('a')
        .withDeleted()
        .where({ tenantId: Equal(tenantId), externalId: Equal(externalId) }),
    ).getOneOrFail();
    if (existing.deletedAt) {
      return {
        id: existing.id,
        status: 'unchanged' as const,
        warnings: [...warnings, 'this attendance was deleted in Fasto; the update was ignored'],
        before: null,
        after,
      };
    }
    if (FIELDS.every((field) => same(existing[field], values[field]))) {
      return { id: existing.id, status: 'unchanged' as const, warnings, before: null, after };
    }
    await manager.getRepository(Attendance).update({ id: Equal(existing.id), tenantId: Equal(tenantId) }, values);
    const before = factsOf(existing);
    await this.rollups.record(manager, before, after, timeZone);
    return { id: existing.id, status: 'updated' as const, warnings, before, after };
  }
}
