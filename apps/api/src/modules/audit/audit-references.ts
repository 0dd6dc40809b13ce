import type { AuditEntity } from '@fasto/contracts';

/** The kinds of object the audit read can name: each has a table with a name column. */
export type NamedKind = Extract<AuditEntity, 'user' | 'team' | 'funnel' | 'funnel_stage' | 'origin_group' | 'origin_item' | 'attendance' | 'api_key'>;

const NAMED = new Set<string>(['user', 'team', 'funnel', 'funnel_stage', 'origin_group', 'origin_item', 'attendance', 'api_key']);

/** The kind of object a field of `changes` holds ids of (a team move's `fromTeamId`, a stage's `funnelId`…). */
const FIELD_KINDS: Readonly<Record<string, NamedKind>> = {
  userId: 'user',
  members: 'user',
  teamId: 'team',
  fromTeamId: 'team',
  toTeamId: 'team',
  funnelId: 'funnel',
  stageId: 'funnel_stage',
  funnelStageId: 'funnel_stage',
  originGroupId: 'origin_group',
  originId: 'origin_item',
  originItemId: 'origin_item',
};

/** A reordered group lists its entries' ids under `order`. */
const ORDER_KINDS: Readonly<Record<string, NamedKind>> = { funnel: 'funnel_stage', origin_group: 'origin_item' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Reference {
  kind: NamedKind;
  id: string;
}

export interface ReferringRow {
  entity: string;
  entityId: string | null;
  changes: object | null;
}

/** The ids an entry shows, with the kind of object each is: its own object and the ids inside its changes. */
export function referencesOf(row: ReferringRow): Reference[] {
  const found: Reference[] = [];
  if (row.entityId && NAMED.has(row.entity)) found.push({ kind: row.entity as NamedKind, id: row.entityId });
  const visit = (kind: NamedKind | undefined, value: unknown): void => {
    if (typeof value === 'string') {
      if (kind && UUID.test(value)) found.push({ kind, id: value });
    } else if (Array.isArray(value)) {
      value.forEach((inner) => visit(kind, inner));
    } else if (value && typeof value === 'object') {
      // A `{ from, to }` diff keeps the field's kind; a nested record (a team move) names its own fields.
      for (const [field, inner] of Object.entries(value)) visit(field === 'from' || field === 'to' ? kind : FIELD_KINDS[field], inner);
    }
  };
  for (const [field, value] of Object.entries(row.changes ?? {})) visit(field === 'order' ? ORDER_KINDS[row.entity] : FIELD_KINDS[field], value);
  return found;
}

/** The name the log itself remembers for an object that no longer exists: its deletion, last rename or creation. */
export function rememberedName(row: { action: string; changes: object | null }): string | null {
  const name = (row.changes as { name?: unknown } | null)?.name;
  if (typeof name === 'string') return row.action.endsWith('.deleted') || row.action.endsWith('.created') ? name : null;
  if (name && typeof name === 'object' && 'to' in name && typeof name.to === 'string') return name.to;
  return null;
}
