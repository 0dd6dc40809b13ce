import { ErrorCode, type Page } from '@fasto/contracts';
import { BadRequestException, ConflictException, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Equal, In, type DataSource, type EntityManager, type Repository } from 'typeorm';
import type { UserPrincipal } from '../../core/auth/principal';
import { apiError } from '../../core/errors/api-error';
import { keysetPage } from '../../core/pagination/keyset';
import { pageSize, type PageQueryDto } from '../../core/pagination/page-query.dto';
import { auditDiff } from '../audit/audit-diff';
import type { AuditService } from '../audit/audit.service';
import type { RequestContext } from '../../core/http/request-context';
import { Team } from '../teams/entities/team.entity';
import { MAX_ITEMS_PER_GROUP, type CatalogDefinition, type CatalogGroupRow, type CatalogItemRow } from './catalog-definition';

export interface CatalogSnapshot {
  group: CatalogGroupRow;
  items: CatalogItemRow[];
  teams: { id: string; name: string }[];
}

export interface NewCatalogItem {
  name: string;
  color: string;
  isWon?: boolean;
}

const sameName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

/**
 * Funnels and origin groups behave alike: a tenant-owned, named group of ordered, colored
 * entries that teams pick. One implementation, parameterised by a `CatalogDefinition`.
 */
export abstract class CatalogService {
  protected constructor(
    protected readonly dataSource: DataSource,
    protected readonly audit: AuditService,
    protected readonly definition: CatalogDefinition,
  ) {}

  private groups(manager: EntityManager = this.dataSource.manager): Repository<CatalogGroupRow> {
    return manager.getRepository(this.definition.groupEntity);
  }

  private items(manager: EntityManager = this.dataSource.manager): Repository<CatalogItemRow> {
    return manager.getRepository(this.definition.itemEntity);
  }

  async list(tenantId: string, query: PageQueryDto): Promise<Page<CatalogSnapshot>> {
    const groups = this.groups().createQueryBuilder('g').where('g.tenantId = :tenantId', { tenantId });
    const page = await keysetPage(
      groups,
      { sortColumn: 'g.name', idColumn: 'g.id', direction: 'ASC', cursor: query.cursor, limit: pageSize(query), keyOf: (group) => [group.name, group.id] },
      (group) => group,
    );
    return { items: await this.snapshots(tenantId, page.items), nextCursor: page.nextCursor };
  }

  async get(tenantId: string, id: string): Promise<CatalogSnapshot> {
    return (await this.snapshots(tenantId, [await this.findGroup(this.dataSource.manager, tenantId, id)]))[0];
  }

  async create(principal: UserPrincipal, name: string, entries: NewCatalogItem[], context: RequestContext): Promise<CatalogSnapshot> {
    this.assertEntries(entries);
    const id = await this.dataSource.transaction(async (manager) => {
      await this.assertGroupNameFree(manager, principal.tenantId, name);
      const group = { id: randomUUID(), tenantId: principal.tenantId, name };
      await this.groups(manager).insert(group);
      if (entries.length > 0) await this.items(manager).insert(entries.map((entry, position) => this.newItem(principal.tenantId, group.id, entry, position)));
      await this.record(
        manager,
        principal,
        'created',
        this.definition.groupEntityName,
        group.id,
        { name, entries: entries.map((entry) => entry.name) },
        context,
      );
      return group.id;
    });
    return this.get(principal.tenantId, id);
  }

  async rename(principal: UserPrincipal, id: string, name: string, context: RequestContext): Promise<CatalogSnapshot> {
    await this.dataSource.transaction(async (manager) => {
      const group = await this.findGroup(manager, principal.tenantId, id);
      if (group.name === name) return;
      await this.assertGroupNameFree(manager, principal.tenantId, name, group.id);
      await this.groups(manager).update({ id: Equal(group.id), tenantId: Equal(principal.tenantId) }, { name });
      await this.record(manager, principal, 'updated', this.definition.groupEntityName, group.id, auditDiff(group, { name }), context);
    });
    return this.get(principal.tenantId, id);
  }

  /** Refused while a team uses the group (reassign first); its entries go with it. */
  async remove(principal: UserPrincipal, id: string, context: RequestContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const group = await this.findGroup(manager, principal.tenantId, id);
      const teams = await manager
        .getRepository(Team)
        .find({ where: { tenantId: Equal(principal.tenantId), [this.definition.groupKey]: Equal(group.id) }, order: { name: 'ASC' } });
      if (teams.length > 0) {
        throw new ConflictException({
          message: `${this.definition.groupLabel} is used by ${teams.map((team) => team.name).join(', ')}; assign those teams another one first`,
          details: { teams: teams.map((team) => ({ id: team.id, name: team.name })) },
        });
      }
      await this.items(manager).delete({ tenantId: Equal(principal.tenantId), [this.definition.groupKey]: Equal(group.id) });
      await this.groups(manager).delete({ id: Equal(group.id), tenantId: Equal(principal.tenantId) });
      await this.record(manager, principal, 'deleted', this.definition.groupEntityName, group.id, { name: group.name }, context);
    });
  }

  async addItem(principal: UserPrincipal, groupId: string, entry: NewCatalogItem, context: RequestContext): Promise<CatalogSnapshot> {
    await this.dataSource.transaction(async (manager) => {
      const group = await this.findGroup(manager, principal.tenantId, groupId);
      const existing = await this.groupItems(manager, principal.tenantId, group.id);
      if (existing.length >= MAX_ITEMS_PER_GROUP)
        throw new BadRequestException(`A ${this.definition.groupLabel.toLowerCase()} holds at most ${MAX_ITEMS_PER_GROUP} entries`);
      this.assertNameFree(existing, entry.name);
      const item = this.newItem(principal.tenantId, group.id, entry, existing.length);
      if (entry.isWon) await this.clearWon(manager, principal.tenantId, group.id);
      await this.items(manager).insert(item);
      await this.record(
        manager,
        principal,
        'created',
        this.definition.itemEntityName,
        item.id,
        { [this.definition.groupKey]: group.id, name: entry.name, color: entry.color, ...(entry.isWon ? { isWon: true } : {}) },
        context,
      );
    });
    return this.get(principal.tenantId, groupId);
  }

  async updateItem(
    principal: UserPrincipal,
    groupId: string,
    itemId: string,
    changes: Partial<NewCatalogItem>,
    context: RequestContext,
  ): Promise<CatalogSnapshot> {
    await this.dataSource.transaction(async (manager) => {
      const group = await this.findGroup(manager, principal.tenantId, groupId);
      const siblings = await this.groupItems(manager, principal.tenantId, group.id);
      const item = siblings.find((candidate) => candidate.id === itemId);
      if (!item) throw new NotFoundException(`${this.definition.itemLabel} not found`);
      if (changes.name !== undefined)
        this.assertNameFree(
          siblings.filter((sibling) => sibling.id !== item.id),
          changes.name,
        );
      // Marking a stage as won moves the flag: a funnel has one won stage at most.
      if (changes.isWon) await this.clearWon(manager, principal.tenantId, group.id);
      const diff = auditDiff(item, changes);
      if (Object.keys(diff).length > 0) {
        await this.items(manager).update({ id: Equal(item.id), tenantId: Equal(principal.tenantId) }, changes);
        await this.record(manager, principal, 'updated', this.definition.itemEntityName, item.id, diff, context);
      }
    });
    return this.get(principal.tenantId, groupId);
  }

  /** Attendances that used the entry keep their rows; dashboards count them under "Outros". */
  async removeItem(principal: UserPrincipal, groupId: string, itemId: string, context: RequestContext): Promise<CatalogSnapshot> {
    await this.dataSource.transaction(async (manager) => {
      const group = await this.findGroup(manager, principal.tenantId, groupId);
      const siblings = await this.groupItems(manager, principal.tenantId, group.id);
      const item = siblings.find((candidate) => candidate.id === itemId);
      if (!item) throw new NotFoundException(`${this.definition.itemLabel} not found`);
      await this.items(manager).delete({ id: Equal(item.id), tenantId: Equal(principal.tenantId) });
      await this.writePositions(
        manager,
        principal.tenantId,
        siblings.filter((sibling) => sibling.id !== item.id).map((sibling) => sibling.id),
      );
      await this.record(manager, principal, 'deleted', this.definition.itemEntityName, item.id, { name: item.name }, context);
    });
    return this.get(principal.tenantId, groupId);
  }

  /** `ids` must be exactly the group's entries, each once, in the new order. */
  async reorder(principal: UserPrincipal, groupId: string, ids: string[], context: RequestContext): Promise<CatalogSnapshot> {
    await this.dataSource.transaction(async (manager) => {
      const group = await this.findGroup(manager, principal.tenantId, groupId);
      const current = await this.groupItems(manager, principal.tenantId, group.id);
      const known = new Set(current.map((item) => item.id));
      const unknown = ids.filter((id) => !known.has(id));
      const missing = current.filter((item) => !ids.includes(item.id)).map((item) => item.id);
      if (unknown.length || missing.length) {
        throw new BadRequestException({
          code: ErrorCode.ValidationFailed,
          message: 'ids must list every entry of this group exactly once',
          details: [{ field: 'ids', messages: [...unknown.map((id) => `unknown id ${id}`), ...missing.map((id) => `missing id ${id}`)] }],
        });
      }
      await this.writePositions(manager, principal.tenantId, ids);
      await this.record(
        manager,
        principal,
        'reordered',
        this.definition.groupEntityName,
        group.id,
        { order: { from: current.map((item) => item.id), to: ids } },
        context,
      );
    });
    return this.get(principal.tenantId, groupId);
  }

  private newItem(tenantId: string, groupId: string, entry: NewCatalogItem, position: number): CatalogItemRow {
    return {
      id: randomUUID(),
      tenantId,
      [this.definition.groupKey]: groupId,
      name: entry.name,
      color: entry.color,
      position,
      ...(this.definition.hasWonItem ? { isWon: entry.isWon ?? false } : {}),
    };
  }

  private assertEntries(entries: NewCatalogItem[]): void {
    if (entries.length > MAX_ITEMS_PER_GROUP) throw new BadRequestException(`At most ${MAX_ITEMS_PER_GROUP} entries`);
    entries.forEach((entry, index) => this.assertNameFree(entries.slice(0, index), entry.name));
    if (entries.filter((entry) => entry.isWon).length > 1) throw new BadRequestException('Only one stage can be the won stage');
  }

  private assertNameFree(existing: { name: string }[], name: string): void {
    if (existing.some((item) => sameName(item.name, name)))
      throw new ConflictException(apiError(ErrorCode.NameTaken, `${this.definition.itemLabel} "${name}" already exists here`));
  }

  private async assertGroupNameFree(manager: EntityManager, tenantId: string, name: string, exceptId?: string): Promise<void> {
    const groups = await this.groups(manager).find({ select: { id: true, name: true }, where: { tenantId: Equal(tenantId) } });
    if (groups.some((group) => group.id !== exceptId && sameName(group.name, name))) {
      throw new ConflictException(apiError(ErrorCode.NameTaken, `A ${this.definition.groupLabel.toLowerCase()} named "${name}" already exists`));
    }
  }

  private async clearWon(manager: EntityManager, tenantId: string, groupId: string): Promise<void> {
    if (!this.definition.hasWonItem) return;
    await this.items(manager).update({ tenantId: Equal(tenantId), [this.definition.groupKey]: Equal(groupId), isWon: true }, { isWon: false });
  }

  private async writePositions(manager: EntityManager, tenantId: string, orderedIds: string[]): Promise<void> {
    for (const [position, id] of orderedIds.entries()) {
      await this.items(manager).update({ id: Equal(id), tenantId: Equal(tenantId) }, { position });
    }
  }

  private async findGroup(manager: EntityManager, tenantId: string, id: string): Promise<CatalogGroupRow> {
    const group = await this.groups(manager).findOneBy({ id: Equal(id), tenantId: Equal(tenantId) });
    if (!group) throw new NotFoundException(`${this.definition.groupLabel} not found`);
    return group;
  }

  private groupItems(manager: EntityManager, tenantId: string, groupId: string): Promise<CatalogItemRow[]> {
    return this.items(manager).find({
      where: { tenantId: Equal(tenantId), [this.definition.groupKey]: Equal(groupId) },
      order: { position: 'ASC', name: 'ASC' },
    });
  }

  private async snapshots(tenantId: string, groups: CatalogGroupRow[]): Promise<CatalogSnapshot[]> {
    const ids = groups.map((group) => group.id);
    if (ids.length === 0) return [];
    const [items, teams] = await Promise.all([
      this.items().find({ where: { tenantId: Equal(tenantId), [this.definition.groupKey]: In(ids) }, order: { position: 'ASC', name: 'ASC' } }),
      this.dataSource.getRepository(Team).find({ where: { tenantId: Equal(tenantId), [this.definition.groupKey]: In(ids) }, order: { name: 'ASC' } }),
    ]);
    return groups.map((group) => ({
      group,
      items: items.filter((item) => item[this.definition.groupKey] === group.id),
      teams: teams.filter((team) => team[this.definition.groupKey] === group.id).map((team) => ({ id: team.id, name: team.name })),
    }));
  }

  private record(
    manager: EntityManager,
    principal: UserPrincipal,
    verb: string,
    entity: string,
    entityId: string,
    changes: Record<string, unknown>,
    context: RequestContext,
  ) {
    return this.audit.record(
      {
        tenantId: principal.tenantId,
        actorId: principal.userId,
        impersonatorId: principal.impersonatorId,
        action: `${entity}.${verb}`,
        entity,
        entityId,
        changes,
        ...context,
      },
      manager,
    );
  }
}
