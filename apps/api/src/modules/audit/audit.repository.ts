import { Role, type Page } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Equal, In, type DataSource, type EntityTarget, type SelectQueryBuilder } from 'typeorm';
import type { Statement } from '../../core/database/insert-statement';
import { insertRowStatement } from '../../core/database/row-statements';
import { activeManager } from '../../core/database/transactions';
import { keysetPage, parseDateCursor } from '../../core/pagination/keyset';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { TenantTables } from '../../core/tenancy/tenant-table';
import type { TenantOwnedEntity } from '../../core/database/base.entity';
import type { NamedKind } from './audit-references';
import { AuditLog } from './entities/audit-log.entity';

/** The columns of one audit row, ready to write (masked, trimmed, with its id). */
export type AuditRow = Pick<AuditLog, 'id' | 'tenantId' | 'actorId' | 'impersonatorId' | 'action' | 'entity' | 'entityId' | 'changes' | 'ip' | 'userAgent'>;

/** A user or object an entry shows, with the tenant it belongs to (the reader keeps only the entry's own). */
export interface NamedRow {
  id: string;
  tenantId: string;
  name: string | null;
}

/**
 * The entity and name column of each kind of object the audit read names. Entities are named, not
 * imported: every module records audit rows, so importing theirs would make audit part of a module
 * import cycle (apps/api/src/architecture/layering.spec.ts).
 */
const NAMED_TABLES: Record<NamedKind, { target: EntityTarget<TenantOwnedEntity>; column: string }> = {
  user: { target: 'User', column: 'fullName' },
  team: { target: 'Team', column: 'name' },
  funnel: { target: 'Funnel', column: 'name' },
  funnel_stage: { target: 'FunnelStage', column: 'name' },
  origin_group: { target: 'OriginGroup', column: 'name' },
  origin_item: { target: 'OriginItem', column: 'name' },
  attendance: { target: 'Attendance', column: 'customerName' },
  api_key: { target: 'ApiKey', column: 'name' },
};

/** The columns of a user the audit read needs (the entity is named, as above). */
interface UserNameRow {
  id: string;
  tenantId: string;
  fullName: string;
  role: Role;
}

/** An entry that may remember the name of the object it is about (see `rememberedName`). */
export type RememberingRow = Pick<AuditLog, 'tenantId' | 'entity' | 'entityId' | 'action' | 'changes' | 'createdAt'>;

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

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tables: TenantTables,
    private readonly context: TenantContext,
  ) {}

  /** The current tenant's entries, newest first. */
  async page(filters: AuditFilters): Promise<Page<AuditLog>> {
    return this.newestFirst(this.logs.queryBuilder('a'), filters);
  }

  /** These users of the current tenant; an actor of another tenant (a super admin) is left out. */
  async actorNames(ids: string[]): Promise<NamedRow[]> {
    return this.objectNames('user', ids);
  }

  /** Names of these objects of the current tenant (soft-deleted ones included: the log outlives them). */
  async objectNames(kind: NamedKind, ids: string[]): Promise<NamedRow[]> {
    if (ids.length === 0) return [];
    const { target, column } = NAMED_TABLES[kind];
    return this.named(this.tables.of(target).queryBuilder('o'), column, ids);
  }

  /** The current tenant's entries about these objects that may carry their name, newest first. */
  async rememberedNames(kinds: NamedKind[], ids: string[]): Promise<RememberingRow[]> {
    if (ids.length === 0) return [];
    return this.remembering(this.logs.queryBuilder('a'), kinds, ids);
  }

  /**
   * Names of the super admins among these users, whatever their tenant: Fasto staff act on a
   * tenant from the console, and the tenant's log shows who they were (the other tenants'
   * users stay unnamed).
   */
  async superAdminNames(ids: string[]): Promise<NamedRow[]> {
    this.context.system();
    if (ids.length === 0) return [];
    const users = await activeManager(this.dataSource)
      .getRepository<UserNameRow>('User')
      .find({ select: { id: true, tenantId: true, fullName: true }, where: { id: In(ids), role: Equal(Role.SuperAdmin) } });
    return users.map((user) => ({ id: user.id, tenantId: user.tenantId, name: user.fullName }));
  }

  /** Super-admin console: these objects whatever their tenant; the reader matches each to its entry's tenant. */
  async objectNamesAcrossTenants(kind: NamedKind, ids: string[]): Promise<NamedRow[]> {
    this.context.system();
    if (ids.length === 0) return [];
    const { target, column } = NAMED_TABLES[kind];
    return this.named(activeManager(this.dataSource).getRepository(target).createQueryBuilder('o'), column, ids);
  }

  /** Super-admin console: `rememberedNames` whatever the tenant. */
  async rememberedNamesAcrossTenants(kinds: NamedKind[], ids: string[]): Promise<RememberingRow[]> {
    this.context.system();
    if (ids.length === 0) return [];
    return this.remembering(activeManager(this.dataSource).getRepository(AuditLog).createQueryBuilder('a'), kinds, ids);
  }

  /** Super-admin console: every tenant's entries, or `tenantId`'s, newest first. */
  async pageAcrossTenants(filters: AuditFilters & { tenantId?: string }): Promise<Page<AuditLog>> {
    this.context.system();
    const rows = activeManager(this.dataSource).getRepository(AuditLog).createQueryBuilder('a');
    if (filters.tenantId) rows.andWhere('a.tenantId = :tenantId', { tenantId: filters.tenantId });
    return this.newestFirst(rows, filters);
  }

  /** Super-admin console: these users whatever their tenant, with their tenant and whether they are super admins. */
  async actorsAcrossTenants(ids: string[]): Promise<(NamedRow & { superAdmin: boolean })[]> {
    this.context.system();
    if (ids.length === 0) return [];
    const users = await activeManager(this.dataSource)
      .getRepository<UserNameRow>('User')
      .find({ select: { id: true, tenantId: true, fullName: true, role: true }, where: { id: In(ids) } });
    return users.map((user) => ({ id: user.id, tenantId: user.tenantId, name: user.fullName, superAdmin: user.role === Role.SuperAdmin }));
  }

  /** Writes the row in the running transaction (to commit with the change it records), else on its own. */
  async append(row: AuditRow): Promise<void> {
    const { sql, params } = this.insertStatement(row);
    await activeManager(this.dataSource).query(sql, params);
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

  private async named<Entity extends TenantOwnedEntity>(rows: SelectQueryBuilder<Entity>, column: string, ids: string[]): Promise<NamedRow[]> {
    const found = await rows
      .withDeleted()
      .select('o.id', 'id')
      .addSelect('o.tenantId', 'tenantId')
      .addSelect(`o.${column}`, 'name')
      .andWhere('o.id IN (:...ids)', { ids })
      .getRawMany<NamedRow>();
    return found.map((row) => ({ id: row.id, tenantId: row.tenantId, name: row.name ?? null }));
  }

  private remembering(rows: SelectQueryBuilder<AuditLog>, kinds: NamedKind[], ids: string[]): Promise<RememberingRow[]> {
    return rows
      .select(['a.id', 'a.tenantId', 'a.entity', 'a.entityId', 'a.action', 'a.changes', 'a.createdAt'])
      .andWhere('a.entity IN (:...kinds)', { kinds })
      .andWhere('a.entityId IN (:...ids)', { ids })
      .orderBy('a.createdAt', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .getMany();
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
