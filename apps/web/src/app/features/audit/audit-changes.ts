import type { AuditReference } from '@fasto/contracts';
import { auditEntityText, auditFieldText } from '../../core/i18n/audit-text';
import type { Language } from '../../core/i18n/i18n.service';
import { EN, PT } from '../../core/i18n/messages';

export interface ChangeLine {
  field: string;
  /** Present when the entry recorded a before value (`{ from, to }`). */
  from?: string;
  to: string;
}

/** What a change's values are read with: the language and the names the API sent for the entry's ids. */
export interface ChangeReading {
  language: Language;
  references: Readonly<Record<string, AuditReference>>;
}

const RAW: ChangeReading = { language: 'pt-BR', references: {} };

/** Fields whose values are codes, with the message-key prefix that names them (role, a tenant's status and plan, a webhook's events). */
const CODED_FIELDS: Readonly<Record<string, string>> = { role: 'role.', plan: 'plan.', status: 'tenant.status.', events: 'webhook.event.' };

/** Kinds whose Portuguese noun is feminine ("Etapa excluída", "Usuário excluído"). */
const FEMININE = new Set(['session', 'request', 'team', 'funnel_stage', 'origin_item', 'api_key', 'tenant']);

const message = (language: Language, key: string): string | null => {
  const messages: Record<string, string> = language === 'en' ? EN : PT;
  return messages[key] ?? null;
};

/** An id as the name the API found for it; one gone from everywhere as "Etapa excluída". */
export function referenceText(reference: AuditReference, language: Language): string {
  const deleted = language === 'en' ? 'deleted' : FEMININE.has(reference.kind) ? 'excluída' : 'excluído';
  if (reference.name === null) {
    const kind = auditEntityText(language, reference.kind);
    return language === 'en' ? `Deleted ${kind.toLowerCase()}` : `${kind} ${deleted}`;
  }
  return reference.deleted ? `${reference.name} (${deleted})` : reference.name;
}

/** One recorded value as a person reads it: names for ids, role, plan, status and yes/no labels, lists and team moves spelled out. */
export function valueText(value: unknown, field: string, reading: ChangeReading = RAW): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') {
    const reference = reading.references[value];
    if (reference) return referenceText(reference, reading.language);
    const coded = reading === RAW ? undefined : CODED_FIELDS[field];
    if (coded) return message(reading.language, `${coded}${value}`) ?? value;
    return value;
  }
  if (typeof value === 'boolean' && reading !== RAW) return message(reading.language, value ? 'common.yes' : 'common.no') ?? String(value);
  if (Array.isArray(value)) {
    if (reading === RAW) return JSON.stringify(value);
    return value.length === 0 ? '—' : value.map((inner) => valueText(inner, field, reading)).join(', ');
  }
  if (typeof value === 'object' && reading !== RAW) {
    const move = value as { userId?: unknown; fromTeamId?: unknown; toTeamId?: unknown };
    if ('userId' in move && 'fromTeamId' in move && 'toTeamId' in move)
      return `${valueText(move.userId, 'userId', reading)}: ${valueText(move.fromTeamId, 'teamId', reading)} → ${valueText(move.toTeamId, 'teamId', reading)}`;
    return Object.entries(value)
      .map(([inner, innerValue]) => `${auditFieldText(reading.language, inner)}: ${valueText(innerValue, inner, reading)}`)
      .join('; ');
  }
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

const isDiff = (value: unknown): value is { from: unknown; to: unknown } =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && 'from' in value && 'to' in value && Object.keys(value).length === 2;

/**
 * An audit entry's `changes` as "field: old → new" lines (plain values when nothing was before).
 * With a `reading`, fields and values are told in its language and ids by their names.
 */
export function changeLines(changes: Record<string, unknown> | null, reading?: ChangeReading): ChangeLine[] {
  const field = (name: string) => (reading ? auditFieldText(reading.language, name) : name);
  return Object.entries(changes ?? {}).map(([name, value]) =>
    isDiff(value)
      ? { field: field(name), from: valueText(value.from, name, reading), to: valueText(value.to, name, reading) }
      : { field: field(name), to: valueText(value, name, reading) },
  );
}
