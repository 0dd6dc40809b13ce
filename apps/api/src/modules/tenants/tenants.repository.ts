import { SYSTEM_TENANT_SLUG, TenantStatus, type Page } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { And, Equal, LessThanOrEqual, MoreThan, Not, type DataSource } from 'typeorm';
import { containsPattern, likeInsensitive } from '../../core/database/like';
import { activeManager } from '../../core/database/transactions';
import { keysetPage, parseDateCursor } from '../../core/pagination/keyset';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { Tenant } from './entities/tenant.entity';

export type NewTenant = Pick<Tenant, 'name' | 'slug' | 'plan' | 'status' | 'trialEndsAt'>;

/**
 * The tenants table. A tenant reads and edits its own row (the current tenant); the super-admin
 * console and the trial job work across tenants, in the system scope. The hidden `system` tenant
 * (the super admins') is never listed nor managed.
 */
@Injectable()
export class TenantsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly context: TenantContext,
  ) {}

  /** The current tenant's row. */
  current(): Promise<Tenant | null> {
    return this.table().findOneBy({ id: Equal(this.context.tenantId()) });
  }

  async updateCurrent(changes: Partial<Tenant>): Promise<void> {
    await this.table().update({ id: Equal(this.context.tenantId()) }, changes);
  }

  /**
   * The current tenant's trial ends: suspended if it is still a trial ended by `now`; false when a
   * super admin reactivated or extended it meanwhile.
   */
  async suspendEndedTrial(now: Date): Promise<boolean> {
    const result = await this.table().update(
      { id: Equal(this.context.tenantId()), status: Equal(TenantStatus.Trial), trialEndsAt: LessThanOrEqual(now) },
      { status: TenantStatus.Suspended },
    );
    return result.affected === 1;
  }

  /** System scope: the console's list, newest first. */
  page(filter: { status?: TenantStatus; q?: string }, options: { cursor?: string; limit: number }): Promise<Page<Tenant>> {
    this.context.system();
    const tenants = this.table().createQueryBuilder('t').where('t.slug <> :system', { system: SYSTEM_TENANT_SLUG });
    if (filter.status) tenants.andWhere('t.status = :status', { status: filter.status });
    if (filter.q) tenants.andWhere(`(${likeInsensitive('t.name', 'q')} OR ${likeInsensitive('t.slug', 'q')})`, { q: containsPattern(filter.q) });
    return keysetPage(
      tenants,
      {
        sortColumn: 't.createdAt',
        idColumn: 't.id',
        direction: 'DESC',
        cursor: options.cursor,
        limit: options.limit,
        parseSortValue: parseDateCursor,
        keyOf: (tenant) => [tenant.createdAt.toISOString(), tenant.id],
      },
      (tenant) => tenant,
    );
  }

  /** System scope: a tenant the console may manage (never the system tenant). */
  manageable(id: string): Promise<Tenant | null> {
    this.context.system();
    return this.table().findOneBy({ id: Equal(id), slug: Not(SYSTEM_TENANT_SLUG) });
  }

  /** System scope: whether any tenant has this slug. */
  slugTaken(slug: string): Promise<boolean> {
    this.context.system();
    return this.table().existsBy({ slug: Equal(slug) });
  }

  /** System scope: creates a tenant; returns its id. */
  async insert(tenant: NewTenant): Promise<string> {
    this.context.system();
    const id = randomUUID();
    await this.table().insert({ id, ...tenant });
    return id;
  }

  /** System scope: the console's edit of a tenant. */
  async update(id: string, changes: Partial<Tenant>): Promise<void> {
    this.context.system();
    await this.table().update({ id: Equal(id) }, changes);
  }

  /** System scope, for the trial job: trials (of every tenant but the system one) ending within (after, until]; `after` null for any already ended. */
  trialsEnding(after: Date | null, until: Date): Promise<Tenant[]> {
    this.context.system();
    const endsAt = after ? And(MoreThan(after), LessThanOrEqual(until)) : LessThanOrEqual(until);
    return this.table().findBy({ status: Equal(TenantStatus.Trial), slug: Not(SYSTEM_TENANT_SLUG), trialEndsAt: endsAt });
  }

  /** System scope, for the CLI: every tenant (the system one included), or the one with this slug. */
  everyOrBySlug(slug?: string): Promise<Tenant[]> {
    this.context.system();
    return this.table().find(slug ? { where: { slug: Equal(slug) } } : {});
  }

  private table() {
    return activeManager(this.dataSource).getRepository(Tenant);
  }
}
