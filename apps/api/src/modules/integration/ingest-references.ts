import type { EntityManager } from 'typeorm';
import { inOneRoundTrip, type Statement } from '../../core/database/one-round-trip';
import type { IngestAttendanceDto } from './dto/ingest-attendance.dto';

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

interface AgentRow {
  id: string;
  teamId: string | null;
  funnelId: string | null;
  originGroupId: string | null;
}

interface CatalogRow {
  kind: 'stage' | 'origin';
  id: string;
  name: string;
  listId: string;
}

const AGENT = `SELECT u.id AS id, u.team_id AS teamId, t.funnel_id AS funnelId, t.origin_group_id AS originGroupId
  FROM users u LEFT JOIN teams t ON t.id = u.team_id AND t.tenant_id = u.tenant_id WHERE u.tenant_id = ?`;
const STAGES = `SELECT 'stage' AS kind, id, name, funnel_id AS listId, position FROM funnel_stages WHERE tenant_id = ?`;
const ORIGINS = `SELECT 'origin' AS kind, id, name, origin_group_id AS listId, position FROM origin_items WHERE tenant_id = ?`;

/** The stages and/or origins of the tenant, in position order, in one statement (null: none asked for). */
function catalogStatement(tenantId: string, needStages: boolean, needOrigins: boolean): Statement | null {
  const parts = [...(needStages ? [STAGES] : []), ...(needOrigins ? [ORIGINS] : [])];
  if (parts.length === 0) return null;
  return { sql: `${parts.join(' UNION ALL ')} ORDER BY kind, position`, params: parts.map(() => tenantId) };
}

/** The agent by id or email, with the team's funnel and origin group (null: none named). */
function agentStatement(tenantId: string, input: IngestAttendanceDto): Statement | null {
  if (input.user_id) return { sql: `${AGENT} AND u.id = ?`, params: [tenantId, input.user_id] };
  if (input.agent_email) return { sql: `${AGENT} AND u.email = ?`, params: [tenantId, input.agent_email.trim().toLowerCase()] };
  return null;
}

/**
 * Turns what n8n said about agent, stage and origin into ids of this tenant. Another tenant's
 * ids are treated as unknown: they are never linked. Two statements (the agent with its team,
 * then the catalogs) in one round trip, as every ingest runs this inside its transaction (QUALITY P3).
 */
export async function resolveReferences(manager: EntityManager, tenantId: string, input: IngestAttendanceDto): Promise<ResolvedReferences> {
  const warnings: string[] = [];
  const agent = agentStatement(tenantId, input);
  const catalog = catalogStatement(tenantId, Boolean(input.stage_id || input.stage_name), Boolean(input.origin_id || input.origin_name));
  const results = await inOneRoundTrip<(AgentRow[] | CatalogRow[])[]>(
    manager,
    [agent, catalog].filter((statement) => statement !== null),
  );
  const user = agent ? ((results[0] as AgentRow[])[0] ?? null) : null;
  const rows = catalog ? (results[results.length - 1] as CatalogRow[]) : [];
  if (agent && !user) {
    warnings.push(
      input.user_id
        ? `agent ${input.user_id} not found in this organization; stored without agent`
        : `agent "${input.agent_email}" not found; stored without agent`,
    );
  }
  const stages = rows.filter((row) => row.kind === 'stage');
  const origins = rows.filter((row) => row.kind === 'origin');
  return {
    userId: user?.id ?? null,
    teamId: user?.teamId ?? null,
    funnelStageId: pickReference(
      stages,
      stages.filter((stage) => user?.funnelId && stage.listId === user.funnelId),
      input.stage_id,
      input.stage_name,
      'stage',
      warnings,
    ),
    originItemId: pickReference(
      origins,
      origins.filter((origin) => user?.originGroupId && origin.listId === user.originGroupId),
      input.origin_id,
      input.origin_name,
      'origin',
      warnings,
    ),
    warnings,
  };
}
