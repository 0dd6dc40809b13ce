import { Role, type AuditLogView, type AuditReference, type Page } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import type { UserPrincipal } from '../../core/auth/principal';
import { pageSize } from '../../core/pagination/page-query.dto';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { toAuditLogView, type AuditActor } from './audit-log.mapper';
import { referencesOf, rememberedName, type NamedKind, type Reference } from './audit-references';
import { AuditRepository, type AuditFilters, type NamedRow, type RememberingRow } from './audit.repository';
import type { ListAuditLogsQuery } from './dto/list-audit-logs.query';
import type { AuditLog } from './entities/audit-log.entity';

/** Where a page's names come from: the request's tenant, or every tenant for the console. */
interface NameSource {
  actors(ids: string[]): Promise<(NamedRow & { superAdmin: boolean })[]>;
  objects(kind: NamedKind, ids: string[]): Promise<NamedRow[]>;
  remembered(kinds: NamedKind[], ids: string[]): Promise<RememberingRow[]>;
}

/**
 * Reads the audit log: admins their own tenant, super admins every tenant (or one).
 *
 * The ids an entry shows are named when the log is read, not when it is written: entries written
 * before names were shown get them too, and a renamed stage reads under the name people know
 * now (its rename entry keeps the old one). An object that is gone (a deleted stage or team)
 * gets the last name the log itself recorded for it, marked deleted. Each kind is looked up
 * once per page, and a name counts only if it belongs to the entry's own tenant.
 */
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
        return describe(page, {
          actors: (ids) => this.logs.actorsAcrossTenants(ids),
          objects: (kind, ids) => this.logs.objectNamesAcrossTenants(kind, ids),
          remembered: (kinds, ids) => this.logs.rememberedNamesAcrossTenants(kinds, ids),
        });
      });
    }
    // The request's tenant only (a tenantId in the query is ignored). Its actors are its own
    // users, or Fasto staff who acted on it from the console or by impersonation.
    const page = await this.logs.page(filters);
    return describe(page, {
      actors: async (ids) => {
        const own = await this.logs.actorNames(ids);
        const known = new Set(own.map((user) => user.id));
        const others = ids.filter((id) => !known.has(id));
        const staff = await this.context.runAsSystem('audit log: name the super admins who acted on this tenant', () => this.logs.superAdminNames(others));
        return [...own.map((user) => ({ ...user, superAdmin: false })), ...staff.map((user) => ({ ...user, superAdmin: true }))];
      },
      objects: (kind, ids) => this.logs.objectNames(kind, ids),
      remembered: (kinds, ids) => this.logs.rememberedNames(kinds, ids),
    });
  }
}

/** Keyed by tenant too: a name is shown only on an entry of the tenant it belongs to. */
const key = (tenantId: string, id: string) => `${tenantId}:${id}`;

async function describe(page: Page<AuditLog>, source: NameSource): Promise<Page<AuditLogView>> {
  const people = unique(page.items.flatMap((row) => [row.actorId, row.impersonatorId].filter((id): id is string => !!id)));
  const actors = new Map<string, NamedRow & { superAdmin: boolean }>();
  for (const user of await source.actors(people)) actors.set(user.id, user);
  const actorOf = (row: AuditLog, id: string | null): AuditActor | null => {
    const user = id ? actors.get(id) : undefined;
    // Another tenant's user is never named here; Fasto staff are, on any tenant's entry.
    return user && (user.superAdmin || user.tenantId === row.tenantId) ? { name: user.name, superAdmin: user.superAdmin } : null;
  };

  const references = new Map(page.items.map((row) => [row, referencesOf(row)]));
  const names = await namesOf(page.items, references, source);
  return {
    items: page.items.map((row) => {
      const shown: Record<string, AuditReference> = {};
      for (const ref of references.get(row) ?? []) {
        const found = names.get(key(row.tenantId, ref.id));
        shown[ref.id] = found && found.kind === ref.kind ? found : { kind: ref.kind, name: null, deleted: true };
      }
      return toAuditLogView(row, actorOf(row, row.actorId), actorOf(row, row.impersonatorId), shown);
    }),
    nextCursor: page.nextCursor,
  };
}

/** One lookup per kind for the live objects, then one in the log for the ones that are gone. */
async function namesOf(rows: AuditLog[], references: Map<AuditLog, Reference[]>, source: NameSource): Promise<Map<string, AuditReference>> {
  const wanted = new Map<NamedKind, Set<string>>();
  for (const ref of [...references.values()].flat()) wanted.set(ref.kind, (wanted.get(ref.kind) ?? new Set()).add(ref.id));
  const names = new Map<string, AuditReference>();
  for (const [kind, ids] of wanted) {
    for (const found of await source.objects(kind, [...ids])) names.set(key(found.tenantId, found.id), { kind, name: found.name, deleted: false });
  }
  const missing = rows.flatMap((row) => (references.get(row) ?? []).filter((ref) => !names.has(key(row.tenantId, ref.id))));
  if (missing.length === 0) return names;
  const kinds = unique(missing.map((ref) => ref.kind));
  for (const entry of await source.remembered(kinds, unique(missing.map((ref) => ref.id)))) {
    const at = key(entry.tenantId, entry.entityId ?? '');
    const name = rememberedName(entry);
    // Newest first: the first entry that carries a name wins (a deletion, else the last rename).
    if (name && !names.has(at)) names.set(at, { kind: entry.entity as NamedKind, name, deleted: true });
  }
  return names;
}

const unique = <T>(values: T[]): T[] => [...new Set(values)];
