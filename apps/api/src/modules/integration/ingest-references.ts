import { normalizeEmail } from '../../core/validation/email';
import type { IngestAttendanceDto } from './dto/ingest-attendance.dto';

export interface ResolvedReferences {
  userId: string | null;
  teamId: string | null;
  funnelStageId: string | null;
  originItemId: string | null;
  warnings: string[];
}

/** Case- and accent-insensitive form of a name: "Negociação" ≈ "negociacao". */
export function comparable(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .trim()
    .toLowerCase();
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

/** A catalog entry with its comparable name, worked out once per request (a batch compares every item with every entry). */
interface Entry {
  id: string;
  form: string;
  listId: string;
}

/** By id (in this tenant only), else by name: within the team's list first, then the whole tenant if unambiguous. */
function pickReference(
  formOf: (name: string) => string,
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
  const wanted = formOf(name);
  const inTeam = teamEntries.find((entry) => entry.form === wanted);
  if (inTeam) return inTeam.id;
  const anywhere = entries.filter((entry) => entry.form === wanted);
  if (anywhere.length === 1) return anywhere[0].id;
  warnings.push(
    anywhere.length > 1 ? `${what} "${name}" is ambiguous (several match); stored without ${what}` : `${what} "${name}" not found; stored without ${what}`,
  );
  return null;
}

/** The tenant's stages and origins, split by kind (rows come in position order). */
export class Catalog {
  private readonly stages: Entry[];
  private readonly origins: Entry[];
  // A batch's items mostly share a few teams and names: each funnel's or origin group's list is
  // cut once, each name made comparable once (both live as long as the request).
  private readonly lists = new Map<string, Entry[]>();
  private readonly forms = new Map<string, string>();
  private readonly formOf = (name: string): string => {
    let form = this.forms.get(name);
    if (form === undefined) this.forms.set(name, (form = comparable(name)));
    return form;
  };

  constructor(rows: CatalogRow[]) {
    const entries = (kind: CatalogRow['kind']) =>
      rows.filter((row) => row.kind === kind).map((row) => ({ id: row.id, form: comparable(row.name), listId: row.listId }));
    this.stages = entries('stage');
    this.origins = entries('origin');
  }

  /** One item's stage and origin, given its agent's team lists. */
  pick(input: IngestAttendanceDto, agent: AgentRow | null, warnings: string[]): { funnelStageId: string | null; originItemId: string | null } {
    return {
      funnelStageId: pickReference(this.formOf, this.stages, this.listOf('stage', agent?.funnelId), input.stage_id, input.stage_name, 'stage', warnings),
      originItemId: pickReference(
        this.formOf,
        this.origins,
        this.listOf('origin', agent?.originGroupId),
        input.origin_id,
        input.origin_name,
        'origin',
        warnings,
      ),
    };
  }

  /** The stages of a funnel or the origins of a group (none for a team-less agent). */
  private listOf(kind: CatalogRow['kind'], listId: string | null | undefined): Entry[] {
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
  const { funnelStageId, originItemId } = catalog.pick(input, agent, warnings);
  // A literal of fixed shape, not a spread: every item's references then share one hidden class.
  return { userId: agent?.id ?? null, teamId: agent?.teamId ?? null, funnelStageId, originItemId, warnings };
}

export type ReferenceResolver = (input: IngestAttendanceDto) => ResolvedReferences;

/** Resolves each item of a batch against the agents and the catalog read for the whole batch, exactly like a single post. */
export function batchResolver(agents: AgentRow[], catalog: Catalog): ReferenceResolver {
  const byId = new Map(agents.map((agent) => [agent.id, agent]));
  const byEmail = new Map(agents.map((agent) => [normalizeEmail(agent.email), agent]));
  return (input) => {
    const agent = input.user_id ? byId.get(input.user_id) : input.agent_email ? byEmail.get(normalizeEmail(input.agent_email)) : undefined;
    return referencesFor(input, agent ?? null, catalog);
  };
}
