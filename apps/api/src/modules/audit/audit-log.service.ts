import { Role, type AuditLogView, type Page } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import type { UserPrincipal } from '../../core/auth/principal';
import { pageSize } from '../../core/pagination/page-query.dto';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { toAuditLogView } from './audit-log.mapper';
import { AuditRepository, type AuditFilters } from './audit.repository';
import type { ListAuditLogsQuery } from './dto/list-audit-logs.query';
import type { AuditLog } from './entities/audit-log.entity';

/** Reads the audit log: admins their own tenant, super admins every tenant (or one). */
@Injectable()
export class AuditLogService {
  constructor(
    private readonly logs: AuditRepository,
    private readonly context: TenantContext,
  ) {}

  async list(principal: UserPrincipal, query: ListAuditLogsQuery): Promise<Page<AuditLogView>> {
    const filters: AuditFilters = {
      actorId: query.actorId,
      entity: query.entity,
      action: query.action,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      cursor: query.cursor,
      limit: pageSize(query),
    };
    if (principal.role === Role.SuperAdmin) {
      return this.context.runAsSystem('audit log: the super-admin console reads every tenant', async () => {
        const page = await this.logs.pageAcrossTenants({ ...filters, tenantId: query.tenantId });
        return views(page, await this.logs.actorNamesAcrossTenants(actorIds(page.items)));
      });
    }
    // The request's tenant only (a tenantId in the query is ignored); its actors are named only
    // if they belong to it, so a super admin acting on the tenant stays unnamed there.
    const page = await this.logs.page(filters);
    return views(page, await this.logs.actorNames(actorIds(page.items)));
  }
}

const actorIds = (rows: AuditLog[]) => [...new Set(rows.flatMap((row) => (row.actorId ? [row.actorId] : [])))];

const views = (page: Page<AuditLog>, names: Map<string, string>): Page<AuditLogView> => ({
  items: page.items.map((row) => toAuditLogView(row, row.actorId ? (names.get(row.actorId) ?? null) : null)),
  nextCursor: page.nextCursor,
});
