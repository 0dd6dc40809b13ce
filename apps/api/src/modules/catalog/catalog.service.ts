import { ErrorCode, type Page } from '@fasto/contracts';
import { BadRequestException, ConflictException, NotFoundException } from '@nestjs/common';
import type { UserPrincipal } from '../../core/auth/principal';
import type { Transactions } from '../../core/database/transactions';
import { apiError } from '../../core/errors/api-error';
import type { RequestContext } from '../../core/http/request-context';
import { pageSize, type PageQueryDto } from '../../core/pagination/page-query.dto';
import { auditDiff } from '../audit/audit-diff';
import type { AuditService } from '../audit/audit.service';
import { MAX_ITEMS_PER_GROUP, type CatalogGroupRow, type CatalogItemRow, type NewCatalogItem } from './catalog-definition';
import type { CatalogRepository } from './catalog.repository';

export interface CatalogSnapshot {
  group: CatalogGroupRow;
  items: CatalogItemRow[];
  teams: { id: string; name: string }[];
}

const sameName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

/**
 * Funnels and origin groups behave alike: a tenant-owned, named group of ordered, colored
 * entries that teams pick. One implementation of the rules; the repository (whose
 * `CatalogDefinition` says which kind) holds the SQL and adds the request's tenant to it.
 */
export abstract class CatalogService {
  protected constructor(
    private readonly catalog: CatalogRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  private get definition() {
    return this.catalog.definition;
  }

  async list(query: PageQueryDto): Promise<Page<CatalogSnapshot>> {
    const page = await this.catalog.page({ cursor: query.cursor, limit: pageSize(query) });
    return { items: await this.snapshots(page.items), nextCursor: page.nextCursor };
  }

  async get(id: string): Promise<CatalogSnapshot> {
    return (await this.snapshots([await this.findGroup(id)]))[0];
  }

  async create(principal: UserPrincipal, name: string, entries: NewCatalogItem[], context: RequestContext): Promise<CatalogSnapshot> {
    this.assertEntries(entries);
    const id = await this.transactions.run(async () => {
      await this.assertGroupNameFree(name);
      const id = await this.catalog.insertGroup(name, entries);
      await this.record(principal, 'created', this.definition.groupEntityName, id, { name, entries: entries.map((entry) => entry.name) }, context);
      return id;
    });
    return this.get(id);
  }

  async rename(principal: UserPrincipal, id: string, name: string, context: RequestContext): Promise<CatalogSnapshot> {
    await this.transactions.run(async () => {
      const group = await this.findGroup(id);
      if (group.name === name) return;
      await this.assertGroupNameFree(name, group.id);
      await this.catalog.renameGroup(group.id, name);
      await this.record(principal, 'updated', this.definition.groupEntityName, group.id, auditDiff(group, { name }), context);
    });
    return this.get(id);
  }

  /** Refused while a team uses the group (reassign first); its entries go with it. */
  async remove(principal: UserPrincipal, id: string, context: RequestContext): Promise<void> {
    await this.transactions.run(async () => {
      const group = await this.findGroup(id);
      const teams = await this.catalog.teamsUsing([group.id]);
      if (teams.length > 0) {
        throw new ConflictException({
          message: `${this.definition.groupLabel} is used by ${teams.map((team) => team.name).join(', ')}; assign those teams another one first`,
          details: { teams: teams.map((team) => ({ id: team.id, name: team.name })) },
        });
      }
      await this.catalog.deleteGroup(group.id);
      await this.record(principal, 'deleted', this.definition.groupEntityName, group.id, { name: group.name }, context);
    });
  }

  async addItem(principal: UserPrincipal, groupId: string, entry: NewCatalogItem, context: RequestContext): Promise<CatalogSnapshot> {
    await this.transactions.run(async () => {
      const group = await this.findGroup(groupId);
      const existing = await this.catalog.itemsOf([group.id]);
      if (existing.length >= MAX_ITEMS_PER_GROUP)
        throw new BadRequestException(`A ${this.definition.groupLabel.toLowerCase()} holds at most ${MAX_ITEMS_PER_GROUP} entries`);
      this.assertNameFree(existing, entry.name);
      if (entry.isWon) await this.catalog.clearWon(group.id);
      const itemId = await this.catalog.insertItem(group.id, entry, existing.length);
      await this.record(
        principal,
        'created',
        this.definition.itemEntityName,
        itemId,
        { [this.definition.groupKey]: group.id, name: entry.name, color: entry.color, ...(entry.isWon ? { isWon: true } : {}) },
        context,
      );
    });
    return this.get(groupId);
  }

  async updateItem(
    principal: UserPrincipal,
    groupId: string,
    itemId: string,
    changes: Partial<NewCatalogItem>,
    context: RequestContext,
  ): Promise<CatalogSnapshot> {
    await this.transactions.run(async () => {
      const { item, siblings } = await this.findItem(groupId, itemId);
      if (changes.name !== undefined)
        this.assertNameFree(
          siblings.filter((sibling) => sibling.id !== item.id),
          changes.name,
        );
      // Marking a stage as won moves the flag: a funnel has one won stage at most.
      if (changes.isWon) await this.catalog.clearWon(groupId);
      const diff = auditDiff(item, changes);
      if (Object.keys(diff).length > 0) {
        await this.catalog.updateItem(item.id, changes);
        await this.record(principal, 'updated', this.definition.itemEntityName, item.id, diff, context);
      }
    });
    return this.get(groupId);
  }

  /** Attendances that used the entry keep their rows; dashboards count them under "Outros". */
  async removeItem(principal: UserPrincipal, groupId: string, itemId: string, context: RequestContext): Promise<CatalogSnapshot> {
    await this.transactions.run(async () => {
      const { item, siblings } = await this.findItem(groupId, itemId);
      await this.catalog.deleteItem(item.id);
      await this.catalog.writePositions(siblings.filter((sibling) => sibling.id !== item.id).map((sibling) => sibling.id));
      await this.record(principal, 'deleted', this.definition.itemEntityName, item.id, { name: item.name }, context);
    });
    return this.get(groupId);
  }

  /** `ids` must be exactly the group's entries, each once, in the new order. */
  async reorder(principal: UserPrincipal, groupId: string, ids: string[], context: RequestContext): Promise<CatalogSnapshot> {
    await this.transactions.run(async () => {
      const group = await this.findGroup(groupId);
      const current = await this.catalog.itemsOf([group.id]);
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
      await this.catalog.writePositions(ids);
      await this.record(
        principal,
        'reordered',
        this.definition.groupEntityName,
        group.id,
        { order: { from: current.map((item) => item.id), to: ids } },
        context,
      );
    });
    return this.get(groupId);
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

  private async assertGroupNameFree(name: string, exceptId?: string): Promise<void> {
    const groups = await this.catalog.groupNames();
    if (groups.some((group) => group.id !== exceptId && sameName(group.name, name))) {
      throw new ConflictException(apiError(ErrorCode.NameTaken, `A ${this.definition.groupLabel.toLowerCase()} named "${name}" already exists`));
    }
  }

  private async findGroup(id: string): Promise<CatalogGroupRow> {
    const group = await this.catalog.groupById(id);
    if (!group) throw new NotFoundException(`${this.definition.groupLabel} not found`);
    return group;
  }

  /** The entry of this group (an entry of another group is not found through it) and its siblings. */
  private async findItem(groupId: string, itemId: string): Promise<{ item: CatalogItemRow; siblings: CatalogItemRow[] }> {
    const group = await this.findGroup(groupId);
    const siblings = await this.catalog.itemsOf([group.id]);
    const item = siblings.find((candidate) => candidate.id === itemId);
    if (!item) throw new NotFoundException(`${this.definition.itemLabel} not found`);
    return { item, siblings };
  }

  private async snapshots(groups: CatalogGroupRow[]): Promise<CatalogSnapshot[]> {
    const ids = groups.map((group) => group.id);
    if (ids.length === 0) return [];
    const [items, teams] = await Promise.all([this.catalog.itemsOf(ids), this.catalog.teamsUsing(ids)]);
    return groups.map((group) => ({
      group,
      items: items.filter((item) => item[this.definition.groupKey] === group.id),
      teams: teams.filter((team) => team[this.definition.groupKey] === group.id).map((team) => ({ id: team.id, name: team.name })),
    }));
  }

  private record(principal: UserPrincipal, verb: string, entity: string, entityId: string, changes: Record<string, unknown>, context: RequestContext) {
    return this.audit.record({
      tenantId: principal.tenantId,
      actorId: principal.userId,
      impersonatorId: principal.impersonatorId,
      action: `${entity}.${verb}`,
      entity,
      entityId,
      changes,
      ...context,
    });
  }
}
