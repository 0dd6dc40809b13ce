import { Role, type AuditLogView, type Page } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Equal, In, type DataSource } from 'typeorm';
import type { UserPrincipal } from '../../core/auth/principal';
import { keysetPage, parseDateCursor } from '../../core/pagination/keyset';
import { pageSize } from '../../core/pagination/page-query.dto';
import { User } from '../users/entities/user.entity';
import { toAuditLogView } from './audit-log.mapper';
import type { ListAuditLogsQuery } from './dto/list-audit-logs.query';
import { AuditLog } from './entities/audit-log.entity';

/** Reads the audit log: admins their own tenant, super admins every tenant (or one). */
@Injectable()
export class AuditLogService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(principal: UserPrincipal, query: ListAuditLogsQuery): Promise<Page<AuditLogView>> {
    const rows = this.dataSource.getRepository(AuditLog).createQueryBuilder('a');
    const tenantId = principal.role === Role.SuperAdmin ? query.tenantId : principal.tenantId;
    if (tenantId) rows.where('a.tenantId = :tenantId', { tenantId });
    if (query.actorId) rows.andWhere('a.actorId = :actorId', { actorId: query.actorId });
    if (query.entity) rows.andWhere('a.entity = :entity', { entity: query.entity });
    if (query.action) rows.andWhere('a.action = :action', { action: query.action });
    if (query.from) rows.andWhere('a.createdAt >= :from', { from: new Date(query.from) });
    if (query.to) rows.andWhere('a.createdAt < :to', { to: new Date(query.to) });

    const page = await keysetPage(
      rows,
      {
        sortColumn: 'a.createdAt',
        idColumn: 'a.id',
        direction: 'DESC',
        cursor: query.cursor,
        limit: pageSize(query),
        parseSortValue: parseDateCursor,
        keyOf: (row) => [row.createdAt.toISOString(), row.id],
      },
      (row) => row,
    );
    const actorIds = [...new Set(page.items.flatMap((row) => (row.actorId ? [row.actorId] : [])))];
    // Admins get names from their own tenant only; super admins acting on it stay unnamed there.
    const actorScope = principal.role === Role.SuperAdmin ? {} : { tenantId: Equal(principal.tenantId) };
    const actors = actorIds.length
      ? await this.dataSource.getRepository(User).find({ select: { id: true, fullName: true }, where: { id: In(actorIds), ...actorScope } })
      : [];
    const names = new Map(actors.map((actor) => [actor.id, actor.fullName]));
    return { items: page.items.map((row) => toAuditLogView(row, row.actorId ? (names.get(row.actorId) ?? null) : null)), nextCursor: page.nextCursor };
  }
}
