import { Role, type Page } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { Statement } from '../../core/database/one-round-trip';
import { insertRowStatement } from '../../core/database/row-statements';
import { activeManager } from '../../core/database/transactions';
import { keysetPage, parseDateCursor } from '../../core/pagination/keyset';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { TenantTables } from '../../core/tenancy/tenant-table';
import { User } from '../users/entities/user.entity';
import { AuditLog } from './entities/audit-log.entity';

/** The columns of one audit row, ready to write (masked, trimmed, with its id). */
export type AuditRow = Pick<AuditLog, 'id' | 'tenantId' | 'actorId' | 'impersonatorId' | 'action' | 'entity' | 'entityId' | 'changes' | 'ip' | 'userAgent'>;

export interface AuditFilters {
  actorId?: string;
  entity?: string;
  action?: string;
  from?: Date;
  to?: Date;
  cursor?: string;
  limit: number;
}

/** Thrown when a tenant's request tries to write into another tenant's audit log: a programming error. */
export class ForeignAuditTenantError extends Error {
  constructor(scopeTenantId: string, entryTenantId: string) {
    super(`An audit entry of tenant ${entryTenantId} cannot be written from a request of tenant ${scopeTenantId}`);
    this.name = 'ForeignAuditTenantError';
  }
}

/**
 * The SQL of the audit log. Reads are the current tenant's (`page`, `actorNames`) or, for the
 * super-admin console only, across tenants in a named system scope (`…AcrossTenants`): a tenant
 * read never widens to other tenants.
 */
@Injectable()
export class AuditRepository {
  private readonly logs = this.tables.of(AuditLog);
  private readonly users = this.tables.of(User);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tables: TenantTables,
    private readonly context: TenantContext,
  ) {}

  /** The current tenant's entries, newest first. */
  async page(filters: AuditFilters): Promise<Page<AuditLog>> {
    return this.newestFirst(this.logs.queryBuilder('a'), filters);
  }

  /** Names of these users of the current tenant; an actor of another tenant (a super admin) is left out. */
  async actorNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const users = await this.users.queryBuilder('u').select(['u.id', 'u.fullName']).andWhere('u.id IN (:...ids)', { ids }).getMany();
    return new Map(users.map((user) => [user.id, user.fullName]));
  }

  /** Super-admin console: every tenant's entries, or `tenantId`'s, newest first. */
  async pageAcrossTenants(filters: AuditFilters & { tenantId?: string }): Promise<Page<AuditLog>> {
    this.context.system();
    const rows = activeManager(this.dataSource).getRepository(AuditLog).createQueryBuilder('a');
    if (filters.tenantId) rows.andWhere('a.tenantId = :tenantId', { tenantId: filters.tenantId });
    return this.newestFirst(rows, filters);
  }

  /** Super-admin console: names of these users, whatever their tenant. */
  async actorNamesAcrossTenants(ids: string[]): Promise<Map<string, string>> {
    this.context.system();
    if (ids.length === 0) return new Map();
    const users = await activeManager(this.dataSource)
      .getRepository(User)
      .find({ select: { id: true, fullName: true }, where: { id: In(ids) } });
    return new Map(users.map((user) => [user.id, user.fullName]));
  }

  /** Writes the row with `manager` (a transaction's, to commit with the change it records). */
  async append(row: AuditRow, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const { sql, params } = this.insertStatement(row);
    await manager.query(sql, params);
  }

  /**
   * The INSERT of a row, to send along with the writes it records (see `inOneTransaction`).
   * The row names its tenant: a sign-in or a job has no tenant scope, and a super admin writes
   * into the tenant they act on. A tenant's own request may write only into its own log.
   */
  insertStatement(row: AuditRow): Statement {
    const scope = this.context.scope();
    if (scope?.kind === 'tenant' && scope.role !== Role.SuperAdmin && scope.tenantId !== row.tenantId)
      throw new ForeignAuditTenantError(scope.tenantId, row.tenantId);
    return insertRowStatement(this.dataSource.manager, AuditLog, row);
  }

  private newestFirst(rows: SelectQueryBuilder<AuditLog>, filters: AuditFilters): Promise<Page<AuditLog>> {
    if (filters.actorId) rows.andWhere('a.actorId = :actorId', { actorId: filters.actorId });
    if (filters.entity) rows.andWhere('a.entity = :entity', { entity: filters.entity });
    if (filters.action) rows.andWhere('a.action = :action', { action: filters.action });
    if (filters.from) rows.andWhere('a.createdAt >= :from', { from: filters.from });
    if (filters.to) rows.andWhere('a.createdAt < :to', { to: filters.to });
    return keysetPage(
      rows,
      {
        sortColumn: 'a.createdAt',
        idColumn: 'a.id',
        direction: 'DESC',
        cursor: filters.cursor,
        limit: filters.limit,
        parseSortValue: parseDateCursor,
        keyOf: (row) => [row.createdAt.toISOString(), row.id],
      },
      (row) => row,
    );
  }
}
