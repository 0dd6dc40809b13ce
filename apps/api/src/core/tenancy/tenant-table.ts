import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Equal, type DataSource, type EntityTarget, type FindOptionsOrder, type FindOptionsWhere, type Repository, type SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { TenantOwnedEntity } from '../database/base.entity';
import { InsertBuilder } from '../database/insert-statement';
import { activeManager } from '../database/transactions';
import { TenantContext } from './tenant-context';

/** A filter on a tenant-owned table; the tenant is added by the table, never given. */
export type TenantWhere<Entity> = Omit<FindOptionsWhere<Entity>, 'tenantId'>;
/** Values of a tenant-owned row; the tenant is set by the table, never given. */
export type TenantValues<Entity> = Omit<QueryDeepPartialEntity<Entity>, 'tenantId'>;

/**
 * One tenant-owned table seen from the current tenant scope: every read and write it makes
 * carries `tenant_id` = the scope's tenant, and it refuses to run outside a tenant scope.
 * Module repositories are built from these (`TenantTables.of(Entity)`); they add no tenant themselves.
 */
export class TenantTable<Entity extends TenantOwnedEntity> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly context: TenantContext,
    private readonly target: EntityTarget<Entity>,
  ) {}

  async find(where: TenantWhere<Entity> = {} as TenantWhere<Entity>, order?: FindOptionsOrder<Entity>): Promise<Entity[]> {
    return this.repository().find({ where: this.scoped(where), order });
  }

  /** The row with this id in the current tenant; null for an unknown, foreign, empty or undefined id. */
  async findOneById(id: string | null | undefined): Promise<Entity | null> {
    if (!id) return null;
    return this.repository().findOneBy(this.scoped({ id: Equal(id) } as TenantWhere<Entity>));
  }

  async exists(where: TenantWhere<Entity>): Promise<boolean> {
    return this.repository().existsBy(this.scoped(where));
  }

  async count(where: TenantWhere<Entity> = {} as TenantWhere<Entity>): Promise<number> {
    return this.repository().countBy(this.scoped(where));
  }

  /** Inserts one row (give its id); nothing is read back. */
  async insert(values: TenantValues<Entity>): Promise<void> {
    const tenantId = this.context.tenantId();
    await this.repository()
      .createQueryBuilder()
      .insert()
      .values({ ...values, tenantId } as QueryDeepPartialEntity<Entity>)
      .updateEntity(false)
      .execute();
  }

  async update(where: TenantWhere<Entity>, values: TenantValues<Entity>): Promise<void> {
    await this.repository().update(this.scoped(where), values as QueryDeepPartialEntity<Entity>);
  }

  async delete(where: TenantWhere<Entity>): Promise<void> {
    await this.repository().delete(this.scoped(where));
  }

  /** A SELECT already limited to the tenant: add conditions with `andWhere` (a later `where` would drop the tenant). */
  queryBuilder(alias: string): SelectQueryBuilder<Entity> {
    return this.repository().createQueryBuilder(alias).where(`${alias}.tenantId = :scopeTenantId`, { scopeTenantId: this.context.tenantId() });
  }

  /** The tenant goes last, so a caller's filter can never replace it. */
  private scoped(where: TenantWhere<Entity>): FindOptionsWhere<Entity> {
    return { ...where, tenantId: Equal(this.context.tenantId()) } as FindOptionsWhere<Entity>;
  }

  private repository(): Repository<Entity> {
    return activeManager(this.dataSource).getRepository(this.target);
  }

  /** Sets `deletedAt` (an entity with a `@DeleteDateColumn`): the rows leave every later read of this table. */
  async softDelete(where: TenantWhere<Entity>): Promise<void> {
    await this.repository().softDelete(this.scoped(where));
  }

  /** Like `update`, and says how many rows matched (e.g. for "n marked read", or a 404 when none did). */
  async updateAndCount(where: TenantWhere<Entity>, values: TenantValues<Entity>): Promise<number> {
    const result = await this.repository().update(this.scoped(where), values as QueryDeepPartialEntity<Entity>);
    return result.affected ?? 0;
  }

  /** Like `delete`, and says how many rows went. */
  async deleteAndCount(where: TenantWhere<Entity>): Promise<number> {
    const result = await this.repository().delete(this.scoped(where));
    return result.affected ?? 0;
  }

  /**
   * Inserts rows (give their ids, and the same fields in each) in multi-row statements of
   * `InsertBuilder` (up to 400 rows each); a row that hits a unique key is skipped, not failed, so
   * the index decides what already exists (retries and races write once). Values are given as the
   * entity holds them: the builder converts them like TypeORM's own writes (JSON columns included).
   */
  async insertIgnoringDuplicates(rows: TenantValues<Entity>[]): Promise<void> {
    if (rows.length === 0) return;
    const tenantId = this.context.tenantId();
    const { manager } = this.repository();
    const properties = [...Object.keys(rows[0]).filter((property) => property !== 'tenantId'), 'tenantId'];
    const insert = new InsertBuilder<TenantValues<Entity>>(manager, this.target, properties, { onDuplicate: { kind: 'ignore' } });
    const valueOf = (row: TenantValues<Entity>, property: string) => (property === 'tenantId' ? tenantId : (row as Record<string, unknown>)[property]);
    for (const { sql, params } of insert.statements(rows, valueOf)) await manager.query(sql, params);
  }
}

/** Hands module repositories their tenant-scoped tables. */
@Injectable()
export class TenantTables {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly context: TenantContext,
  ) {}

  of<Entity extends TenantOwnedEntity>(target: EntityTarget<Entity>): TenantTable<Entity> {
    return new TenantTable(this.dataSource, this.context, target);
  }
}
