import type { Page } from '@fasto/contracts';
import { randomUUID } from 'node:crypto';
import { Equal, In } from 'typeorm';
import { keysetPage } from '../../core/pagination/keyset';
import type { TenantTable, TenantTables, TenantWhere } from '../../core/tenancy/tenant-table';
import type { TenantOwnedEntity } from '../../core/database/base.entity';
import type { CatalogDefinition, CatalogGroupRow, CatalogItemRow, NewCatalogItem } from './catalog-definition';

/**
 * A team as a catalog sees it: which funnel and origin group it uses. The entity is named, not
 * imported, because teams import the catalogs (a module cycle; architecture/layering.spec.ts).
 */
export interface TeamUsingCatalog extends TenantOwnedEntity {
  name: string;
  funnelId: string | null;
  originGroupId: string | null;
}

/**
 * The SQL of one kind of catalog (funnels or origin groups, named by its `CatalogDefinition`),
 * all of it in the current tenant. `funnels.repository.ts` and `origins.repository.ts` give the definition.
 */
export abstract class CatalogRepository {
  private readonly groups: TenantTable<CatalogGroupRow>;
  private readonly items: TenantTable<CatalogItemRow>;
  private readonly teams: TenantTable<TeamUsingCatalog>;

  protected constructor(
    tables: TenantTables,
    readonly definition: CatalogDefinition,
  ) {
    this.groups = tables.of(definition.groupEntity);
    this.items = tables.of(definition.itemEntity);
    this.teams = tables.of<TeamUsingCatalog>('Team');
  }

  /** Groups by name. */
  page(options: { cursor?: string; limit: number }): Promise<Page<CatalogGroupRow>> {
    return keysetPage(
      this.groups.queryBuilder('g'),
      { sortColumn: 'g.name', idColumn: 'g.id', direction: 'ASC', cursor: options.cursor, limit: options.limit, keyOf: (group) => [group.name, group.id] },
      (group) => group,
    );
  }

  groupById(id: string): Promise<CatalogGroupRow | null> {
    return this.groups.findOneById(id);
  }

  /** The id and name of every group (a tenant has few), to check a new name against. */
  groupNames(): Promise<Pick<CatalogGroupRow, 'id' | 'name'>[]> {
    return this.groups.queryBuilder('g').select(['g.id', 'g.name']).getMany();
  }

  /** Creates the group with its entries in this order and returns its new id. */
  async insertGroup(name: string, entries: NewCatalogItem[]): Promise<string> {
    const id = randomUUID();
    await this.groups.insert({ id, name });
    for (const [position, entry] of entries.entries()) await this.insertItem(id, entry, position);
    return id;
  }

  renameGroup(id: string, name: string): Promise<void> {
    return this.groups.update({ id: Equal(id) }, { name });
  }

  /** Deletes the group and its entries. */
  async deleteGroup(id: string): Promise<void> {
    await this.items.delete(this.inGroups([id]));
    await this.groups.delete({ id: Equal(id) });
  }

  /** The teams that use any of these groups, by name. */
  teamsUsing(groupIds: string[]): Promise<TeamUsingCatalog[]> {
    if (groupIds.length === 0) return Promise.resolve([]);
    return this.teams.find({ [this.definition.groupKey]: In(groupIds) } as TenantWhere<TeamUsingCatalog>, { name: 'ASC' });
  }

  /** The entries of these groups, in each group's order. */
  itemsOf(groupIds: string[]): Promise<CatalogItemRow[]> {
    if (groupIds.length === 0) return Promise.resolve([]);
    return this.items.find(this.inGroups(groupIds), { position: 'ASC', name: 'ASC' });
  }

  /** Adds an entry at `position` and returns its new id. */
  async insertItem(groupId: string, entry: NewCatalogItem, position: number): Promise<string> {
    const id = randomUUID();
    await this.items.insert({
      id,
      [this.definition.groupKey]: groupId,
      name: entry.name,
      color: entry.color,
      position,
      ...(this.definition.hasWonItem ? { isWon: entry.isWon ?? false } : {}),
    });
    return id;
  }

  updateItem(id: string, changes: Partial<NewCatalogItem>): Promise<void> {
    return this.items.update({ id: Equal(id) }, changes);
  }

  deleteItem(id: string): Promise<void> {
    return this.items.delete({ id: Equal(id) });
  }

  /** Takes the won flag off the group's stages (a funnel has one won stage at most). */
  async clearWon(groupId: string): Promise<void> {
    if (!this.definition.hasWonItem) return;
    await this.items.update({ ...this.inGroups([groupId]), isWon: true }, { isWon: false });
  }

  /** Numbers the entries 0, 1, … in this order. */
  async writePositions(orderedIds: string[]): Promise<void> {
    for (const [position, id] of orderedIds.entries()) await this.items.update({ id: Equal(id) }, { position });
  }

  private inGroups(groupIds: string[]): TenantWhere<CatalogItemRow> {
    return { [this.definition.groupKey]: groupIds.length === 1 ? Equal(groupIds[0]) : In(groupIds) };
  }
}
