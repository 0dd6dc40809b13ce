import type { EntityManager } from 'typeorm';
import { inOneRoundTrip, type Statement } from '../../core/database/one-round-trip';
import type { IngestAttendanceDto } from './dto/ingest-attendance.dto';
import { normalizeEmail } from '../../core/validation/email';

export interface ResolvedReferences {
  userId: string | null;
  teamId: string | null;
  funnelStageId: string | null;
  originItemId: string | null;
  warnings: string[];
}

const comparableForms = new Map<string, string>();

/**
 * Case- and accent-insensitive form of a name: "Negociação" ≈ "negociacao". Remembered: a batch
 * compares each of its items against every stage and origin name of the tenant.
 */
export function comparable(name: string): string {
  let form = comparableForms.get(name);
  if (form === undefined) {
    if (comparableForms.size >= 10_000) comparableForms.clear();
    form = name
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .trim()
      .toLowerCase();
    comparableForms.set(name, form);
  }
  return form;
}

interface Entry {
  id: string;
  name: string;
}

/** By id (in this tenant only), else by name: within the team's list first, then the whole tenant if unambiguous. */
export function pickReference(
  entries: Entry[],
  teamEntries: Entry[],
  id: string | null | undefined,
  name: string | null | undefined,
  what: string,
  warnings: string[],
): string | null {
  if (id) {
    if (entries.some((entry) => entry.id === id)) return id;
    warnings.push(`${what} ${id} not found in this organization; stored without ${what}`);
    return null;
  }
  if (!name) return null;
  const wanted = comparable(name);
  const inTeam = teamEntries.filter((entry) => comparable(entry.name) === wanted);
  if (inTeam.length > 0) return inTeam[0].id;
  const anywhere = entries.filter((entry) => comparable(entry.name) === wanted);
  if (anywhere.length === 1) return anywhere[0].id;
  warnings.push(
    anywhere.length > 1 ? `${what} "${name}" is ambiguous (several match); stored without ${what}` : `${what} "${name}" not found; stored without ${what}`,
  );
  return null;
}

export interface AgentRow {
  id: string;
  email: string;
  teamId: string | null;
  funnelId: string | null;
  originGroupId: string | null;
}

export interface CatalogRow {
  kind: 'stage' | 'origin';
  id: string;
  name: string;
  listId: string;
}

/** Agents of the tenant with their team's funnel and origin group; callers append the filter on `u`. */
export const AGENTS = `SELECT u.id AS id, u.email AS email, u.team_id AS teamId, t.funnel_id AS funnelId, t.origin_group_id AS originGroupId
  FROM users u LEFT JOIN teams t ON t.id = u.team_id AND t.tenant_id = u.tenant_id WHERE u.tenant_id = ?`;
const STAGES = `SELECT 'stage' AS kind, id, name, funnel_id AS listId, position FROM funnel_stages WHERE tenant_id = ?`;
const ORIGINS = `SELECT 'origin' AS kind, id, name, origin_group_id AS listId, position FROM origin_items WHERE tenant_id = ?`;

/** The stages and/or origins of the tenant, in position order, in one statement (null: none asked for). */
export function catalogStatement(tenantId: string, inputs: IngestAttendanceDto[]): Statement | null {
  const parts = [
    ...(inputs.some((input) => input.stage_id || input.stage_name) ? [STAGES] : []),
    ...(inputs.some((input) => input.origin_id || input.origin_name) ? [ORIGINS] : []),
  ];
  if (parts.length === 0) return null;
  return { sql: `${parts.join(' UNION ALL ')} ORDER BY kind, position`, params: parts.map(() => tenantId) };
}

/** The agent by id or email, with the team's funnel and origin group (null: none named). */
function agentStatement(tenantId: string, input: IngestAttendanceDto): Statement | null {
  if (input.user_id) return { sql: `${AGENTS} AND u.id = ?`, params: [tenantId, input.user_id] };
  if (input.agent_email) return { sql: `${AGENTS} AND u.email = ?`, params: [tenantId, normalizeEmail(input.agent_email)] };
  return null;
}

/** The tenant's stages and origins, split by kind (rows come in position order). */
export class Catalog {
  readonly stages: CatalogRow[];
  readonly origins: CatalogRow[];
  // A batch's items mostly share a few teams: each funnel's or origin group's list is cut once.
  private readonly lists = new Map<string, CatalogRow[]>();

  constructor(rows: CatalogRow[]) {
    this.stages = rows.filter((row) => row.kind === 'stage');
    this.origins = rows.filter((row) => row.kind === 'origin');
  }

  /** The stages of a funnel or the origins of a group (none for a team-less agent). */
  listOf(kind: CatalogRow['kind'], listId: string | null | undefined): CatalogRow[] {
    if (!listId) return [];
    const key = `${kind}:${listId}`;
    let list = this.lists.get(key);
    if (!list) this.lists.set(key, (list = (kind === 'stage' ? this.stages : this.origins).filter((row) => row.listId === listId)));
    return list;
  }
}

/**
 * One item's references, given the agent it named (null: not found or not named) and the catalog:
 * the same rules for a single post and for each item of a batch.
 */
export function referencesFor(input: IngestAttendanceDto, agent: AgentRow | null, catalog: Catalog): ResolvedReferences {
  const warnings: string[] = [];
  if (!agent && input.user_id) warnings.push(`agent ${input.user_id} not found in this organization; stored without agent`);
  else if (!agent && input.agent_email) warnings.push(`agent "${input.agent_email}" not found; stored without agent`);
  return {
    userId: agent?.id ?? null,
    teamId: agent?.teamId ?? null,
    funnelStageId: pickReference(catalog.stages, catalog.listOf('stage', agent?.funnelId), input.stage_id, input.stage_name, 'stage', warnings),
    originItemId: pickReference(catalog.origins, catalog.listOf('origin', agent?.originGroupId), input.origin_id, input.origin_name, 'origin', warnings),
    warnings,
  };
}

/**
 * Turns what n8n said about agent, stage and origin into ids of this tenant. Another tenant's
 * ids are treated as unknown: they are never linked. Two statements (the agent with its team,
 * then the catalogs) in one round trip, as every ingest runs this inside its transaction (QUALITY P3).
 */
export async function resolveReferences(manager: EntityManager, tenantId: string, input: IngestAttendanceDto): Promise<ResolvedReferences> {
  const agent = agentStatement(tenantId, input);
  const catalog = catalogStatement(tenantId, [input]);
  const results = await inOneRoundTrip<(AgentRow[] | CatalogRow[])[]>(
    manager,
    [agent, catalog].filter((statement) => statement !== null),
  );
  const user = agent ? ((results[0] as AgentRow[])[0] ?? null) : null;
  return referencesFor(input, user, new Catalog(catalog ? (results[results.length - 1] as CatalogRow[]) : []));
}
