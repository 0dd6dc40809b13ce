import { Role, type AttendanceDetail, type AttendanceListItem, type Page } from '@fasto/contracts';
import { Injectable, NotFoundException } from '@nestjs/common';
import type { UserPrincipal } from '../../core/auth/principal';
import { ReplicaReads } from '../../core/database/replica-reads';
import { Transactions } from '../../core/database/transactions';
import { DomainEvents } from '../../core/events/domain-events';
import type { RequestContext } from '../../core/http/request-context';
import { pageSize } from '../../core/pagination/page-query.dto';
import { auditDiff } from '../audit/audit-diff';
import { AuditService } from '../audit/audit.service';
import { AttendanceListRepository } from './attendance-list.repository';
import { AttendanceNamesRepository } from './attendance-names.repository';
import { resolveDayRange, resolveScope } from './attendance-scope';
import { toAttendanceDetail, toAttendanceListItem } from './attendance.mapper';
import { AttendancesRepository } from './attendances.repository';
import type { ListAttendancesQuery } from './dto/attendance-filters.dto';
import type { UpdateAttendanceDto } from './dto/update-attendance.dto';
import type { Attendance } from './entities/attendance.entity';
import { factsOf } from './rollups/rollup-rebuild.service';
import { RollupWriter } from './rollups/rollup-writer.service';
import { TenantTimezones } from './tenant-timezones';

@Injectable()
export class AttendancesService {
  constructor(
    private readonly attendances: AttendancesRepository,
    private readonly pages: AttendanceListRepository,
    private readonly names: AttendanceNamesRepository,
    private readonly timezones: TenantTimezones,
    private readonly transactions: Transactions,
    private readonly rollups: RollupWriter,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
    private readonly replicaReads: ReplicaReads,
  ) {}

  /** Newest first, keyset-paged on (attended_at, id); from a replica when one is in use (docs/architecture.md, "Read replicas"). */
  list(principal: UserPrincipal, query: ListAttendancesQuery): Promise<Page<AttendanceListItem>> {
    return this.replicaReads.run(() => this.page(principal, query));
  }

  private async page(principal: UserPrincipal, query: ListAttendancesQuery): Promise<Page<AttendanceListItem>> {
    const scope = resolveScope(principal, query);
    const timeZone = await this.timezones.current();
    const range = resolveDayRange(query, timeZone, null);
    const page = await this.pages.page({ scope, filters: query, range, timeZone }, query.cursor, pageSize(query));
    const names = await this.names.forRows(page.rows);
    return { items: page.rows.map((row) => toAttendanceListItem(row, names)), nextCursor: page.nextCursor };
  }

  async get(principal: UserPrincipal, id: string): Promise<AttendanceDetail> {
    const row = await this.visible(principal, id);
    return toAttendanceDetail(row, await this.names.forRows([row]));
  }

  /** Corrections by admins and managers; the rollups and the notifications move in the same transaction. */
  async update(principal: UserPrincipal, id: string, request: UpdateAttendanceDto, context: RequestContext): Promise<AttendanceDetail> {
    const timeZone = await this.timezones.current();
    await this.transactions.run(async () => {
      const before = await this.visible(principal, id, true);
      await this.assertReferences(request);
      const diff = auditDiff(before, request);
      if (Object.keys(diff).length === 0) return;
      await this.attendances.update(before.id, request);
      const after = factsOf({ ...before, ...request });
      await this.rollups.record(factsOf(before), after, timeZone);
      await this.events.publish('attendance.recorded', {
        tenantId: principal.tenantId,
        attendanceId: before.id,
        externalId: before.externalId,
        customerName: before.customerName,
        before: factsOf(before),
        after,
      });
      await this.audit.record({
        tenantId: principal.tenantId,
        actorId: principal.userId,
        impersonatorId: principal.impersonatorId,
        action: 'attendance.updated',
        entity: 'attendance',
        entityId: before.id,
        changes: diff,
        ...context,
      });
    });
    return this.get(principal, id);
  }

  /** Soft delete: the row stays for audit, but leaves lists, exports and dashboards; webhooks hear of it with the change. */
  async remove(principal: UserPrincipal, id: string, context: RequestContext): Promise<void> {
    const timeZone = await this.timezones.current();
    await this.transactions.run(async () => {
      const before = await this.visible(principal, id, true);
      await this.attendances.softDelete(before.id);
      await this.rollups.record(factsOf(before), null, timeZone);
      await this.events.publish('attendance.deleted', {
        tenantId: principal.tenantId,
        attendanceId: before.id,
        externalId: before.externalId,
        customerName: before.customerName,
        before: factsOf(before),
      });
      await this.audit.record({
        tenantId: principal.tenantId,
        actorId: principal.userId,
        impersonatorId: principal.impersonatorId,
        action: 'attendance.deleted',
        entity: 'attendance',
        entityId: before.id,
        changes: { externalId: before.externalId },
        ...context,
      });
    });
  }

  /** The attendance if it is in the caller's scope; 404 otherwise, exactly like an unknown id. */
  private async visible(principal: UserPrincipal, id: string, lock = false): Promise<Attendance> {
    const row = await this.attendances.findById(id, { lock });
    const inScope =
      row &&
      (principal.role === Role.Admin ||
        (principal.role === Role.Manager && principal.teamId !== null && row.teamId === principal.teamId) ||
        (principal.role === Role.Agent && row.userId === principal.userId));
    if (!row || !inScope) throw new NotFoundException('Attendance not found');
    return row;
  }

  private async assertReferences(request: UpdateAttendanceDto): Promise<void> {
    if (request.funnelStageId && !(await this.attendances.stageExists(request.funnelStageId))) throw new NotFoundException('Stage not found');
    if (request.originItemId && !(await this.attendances.originExists(request.originItemId))) throw new NotFoundException('Origin not found');
  }
}
