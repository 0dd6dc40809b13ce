import { commaList, type Statement } from '../../core/database/one-round-trip';
import type { IngestAttendanceDto } from './dto/ingest-attendance.dto';
import { AGENTS, Catalog, catalogStatement, referencesFor, type AgentRow, type CatalogRow, type ResolvedReferences } from './ingest-references';
import { normalizeEmail } from '../../core/validation/email';

export type ReferenceResolver = (input: IngestAttendanceDto) => ResolvedReferences;

/** What the batch's lookups are: statements to send (with the writer's own, in one round trip), and how to read their results. */
export interface BatchReferenceLookup {
  statements: Statement[];
  resolverFrom(results: unknown[]): ReferenceResolver;
}

/** Agents named by id or by email, with their teams (null: no item names one). */
function agentsStatement(tenantId: string, ids: string[], emails: string[]): Statement | null {
  const filters = [
    ...(ids.length ? [`u.id IN (${commaList('?', ids.length)})`] : []),
    ...(emails.length ? [`u.email IN (${commaList('?', emails.length)})`] : []),
  ];
  if (filters.length === 0) return null;
  return { sql: `${AGENTS} AND (${filters.join(' OR ')})`, params: [tenantId, ...ids, ...emails] };
}

/**
 * resolveReferences for a whole batch: the agents (with their teams) and the catalogs the items
 * name in at most two statements, whatever the batch size; then each item is resolved exactly
 * like a single post.
 */
export function batchReferenceLookup(tenantId: string, inputs: IngestAttendanceDto[]): BatchReferenceLookup {
  const ids = [...new Set(inputs.flatMap((input) => (input.user_id ? [input.user_id] : [])))];
  const emails = [...new Set(inputs.flatMap((input) => (!input.user_id && input.agent_email ? [normalizeEmail(input.agent_email)] : [])))];
  const agents = agentsStatement(tenantId, ids, emails);
  const catalog = catalogStatement(tenantId, inputs);
  return {
    statements: [agents, catalog].filter((statement) => statement !== null),
    resolverFrom(results) {
      const agentRows = agents ? (results[0] as AgentRow[]) : [];
      const byId = new Map(agentRows.map((agent) => [agent.id, agent]));
      const byEmail = new Map(agentRows.map((agent) => [normalizeEmail(agent.email), agent]));
      const tenantCatalog = new Catalog(catalog ? (results[agents ? 1 : 0] as CatalogRow[]) : []);
      return (input) => {
        const agent = input.user_id ? byId.get(input.user_id) : input.agent_email ? byEmail.get(normalizeEmail(input.agent_email)) : undefined;
        return referencesFor(input, agent ?? null, tenantCatalog);
      };
    },
  };
}
