import { Role, type AttendanceDetail, type AttendanceListItem, type Page } from '@fasto/contracts';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Equal, type DataSource, type EntityManager } from 'typeorm';
import type { UserPrincipal } from '../../core/auth/principal';
import { forUpdate } from '../../core/database/lock';
import { DomainEvents } from '../../core/events/domain-events';
import { pageSize } from '../../core/pagination/page-query.dto';
import { auditDiff } from '../audit/audit-diff';
import { AuditService } from '../audit/audit.service';
import type { RequestContext } from '../../core/http/request-context';
import { FunnelStage } from '../funnels/entities/funnel-stage.entity';
import { OriginItem } from '../origins/entities/origin-item.entity';
import { AttendanceLookups } from './attendance-lookups';
import { attendancePage, attendanceQuery } from './attendance-query';
import { resolveDayRange, resolveScope } from './attendance-scope';
import { toAttendanceDetail, toAttendanceListItem } from './attendance.mapper';
import type { ListAttendancesQuery } from './dto/attendance-filters.dto';
import type { UpdateAttendanceDto } from './dto/update-attendance.dto';
import { Attendance } from './entities/attendance.entity';
import { factsOf } from './rollups/rollup-rebuild.service';
import { RollupWriter } from './rollups/rollup-writer.service';
import { TenantTimezones } from './tenant-timezones';

@Injectable()
export class AttendancesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lookups: AttendanceLookups,
    private readonly timezones: TenantTimezones,
    private readonly rollups: RollupWriter,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {}

  /** Newest first, keyset-paged on (attended_at, id). */
  async list(principal: UserPrincipal, query: ListAttendancesQuery): Promise<Page<AttendanceListItem>> {
    const scope = resolveScope(principal, query);
    const timeZone = await this.timezones.of(principal.tenantId);
    const range = resolveDayRange(query, timeZone, null);
    const page = await attendancePage(this.dataSource, () => attendanceQuery(this.dataSource, scope, query, range, timeZone), query.cursor, pageSize(query));
    const names = await this.lookups.forRows(principal.tenantId, page.rows);
    return { items: page.rows.map((row) => toAttendanceListItem(row, names)), nextCursor: page.nextCursor };
  }

  async get(principal: UserPrincipal, id: string): Promise<AttendanceDetail> {
    const row = await this.visible(this.dataSource.manager, principal, id);
    return toAttendanceDetail(row, await this.lookups.forRows(principal.tenantId, [row]));
  }

  /** Corrections by admins and managers; the rollups and the notifications move in the same transaction. */
  async update(principal: UserPrincipal, id: string, request: UpdateAttendanceDto, context: RequestContext): Promise<AttendanceDetail> {
    const timeZone = await this.timezones.of(principal.tenantId);
    await this.dataSource.transaction(async (manager) => {
      const before = await this.visible(manager, principal, id, true);
      await this.assertReferences(manager, principal.tenantId, request);
      const diff = auditDiff(before, request);
      if (Object.keys(diff).length === 0) return;
      await manager.getRepository(Attendance).update({ id: Equal(before.id), tenantId: Equal(principal.tenantId) }, request);
      const after = factsOf({ ...before, ...request });
      await this.rollups.record(manager, factsOf(before), after, timeZone);
      await this.events.publish(manager, 'attendance.recorded', {
        tenantId: principal.tenantId,
        attendanceId: before.id,
        customerName: before.customerName,
        before: factsOf(before),
        after,
      });
      await this.audit.record(
        {
          tenantId: principal.tenantId,
          actorId: principal.userId,
          impersonatorId: principal.impersonatorId,
          action: 'attendance.updated',
          entity: 'attendance',
          entityId: before.id,
          changes: diff,
          ...context,
        },
        manager,
      );
    });
    return this.get(principal, id);
  }

  /** Soft delete: the row stays for audit, but leaves lists, exports and dashboards. */
  async remove(principal: UserPrincipal, id: string, context: RequestContext): Promise<void> {
    const timeZone = await this.timezones.of(principal.tenantId);
    await this.dataSource.transaction(async (manager) => {
      const before = await this.visible(manager, principal, id, true);
      await manager.getRepository(Attendance).softDelete({ id: Equal(before.id), tenantId: Equal(principal.tenantId) });
      await this.rollups.record(manager, factsOf(before), null, timeZone);
      await this.audit.record(
        {
          tenantId: principal.tenantId,
          actorId: principal.userId,
          impersonatorId: principal.impersonatorId,
          action: 'attendance.deleted',
          entity: 'attendance',
          entityId: before.id,
          changes: { externalId: before.externalId },
          ...context,
        },
        manager,
      );
    });
  }

  /** The attendance if it is in the caller's scope; 404 otherwise, exactly like an unknown id. */
  private async visible(manager: EntityManager, principal: UserPrincipal, id: string, lock = false): Promise<Attendance> {
    const query = manager
      .getRepository(Attendance)
      .createQueryBuilder('a')
      .where({ id: Equal(id), tenantId: Equal(principal.tenantId) });
    const row = await (lock ? forUpdate(query) : query).getOne();
    const inScope =
      row &&
      (principal.role === Role.Admin ||
        (principal.role === Role.Manager && principal.teamId !== null && row.teamId === principal.teamId) ||
        (principal.role === Role.Agent && row.userId === principal.userId));
    if (!row || !inScope) throw new NotFoundException('Attendance not found');
    return row;
  }

  private async assertReferences(manager: EntityManager, tenantId: string, request: UpdateAttendanceDto): Promise<void> {
    if (request.funnelStageId && !(await manager.getRepository(FunnelStage).existsBy({ id: Equal(request.funnelStageId), tenantId: Equal(tenantId) }))) {
      throw new NotFoundException('Stage not found');
    }
    if (request.originItemId && !(await manager.getRepository(OriginItem).existsBy({ id: Equal(request.originItemId), tenantId: Equal(tenantId) }))) {
      throw new NotFoundException('Origin not found');
    }
  }
}
